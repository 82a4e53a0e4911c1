# SPDX-License-Identifier: MIT
# progdiff: build, test, install. Every library is found with pkg-config;
# the user's CFLAGS/LDFLAGS are kept and the project's flags live apart.

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
DATADIR  ?= $(PREFIX)/share
# where each shell looks for completions by default: bash-completion and
# fish search $XDG_DATA_DIRS (/usr/local/share:/usr/share); zsh's $fpath
# has Debian's vendor-completions under /usr, site-functions elsewhere
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/$(if $(filter /usr,$(PREFIX)),vendor-completions,site-functions)
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d
CSTD     ?= c99
CFLAGS   ?= -O2 -g
CC       ?= cc
BUILD    ?= build
PKG_CONFIG ?= pkg-config
# the library, its header and its pkg-config file (Debian passes a
# multiarch LIBDIR)
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

# The one place the version is written: `progdiff --version`, the
# installed header, progdiff.pc and the Debian package all read it.
VERSION := $(shell cat VERSION)

PKGS = libcmark libpcre2-8 yaml-0.1 libutf8proc
# libgit2's and poppler's headers only: lib/git_api.c loads libgit2 when
# a store is first read, lib/import_pdf.c poppler when a PDF is (dlopen),
# so that no run pays for loading them otherwise
GIT_PKGS = libgit2
PDF_PKGS = poppler-glib
# the file name the dynamic loader knows libgit2 by (its SONAME)
GIT_LIBRARY := $(shell objdump -p "$$($(PKG_CONFIG) --variable=libdir \
	$(GIT_PKGS))/libgit2.so" 2>/dev/null | sed -n 's/^ *SONAME *//p')

WARN = -Wall -Wextra -pedantic -Wstrict-prototypes -Wmissing-prototypes \
       -Wold-style-definition -Wwrite-strings -Wvla -Wpointer-arith \
       -Wformat=2 -Wdeclaration-after-statement -Wshadow \
       -Wno-unused-parameter $(if $(WERROR),-Werror)

PD_CFLAGS = -std=$(CSTD) -D_POSIX_C_SOURCE=200809L -pthread $(WARN) $(CFLAGS) \
	-Ilib -MMD -MP $(shell $(PKG_CONFIG) --cflags $(PKGS) $(GIT_PKGS) \
	$(PDF_PKGS))
PD_CFLAGS += -DPD_VERSION='"$(VERSION)"' $(CPPFLAGS)
PD_CFLAGS += $(if $(GIT_LIBRARY),-DPD_GIT_LIBRARY='"$(GIT_LIBRARY)"')
# libstemmer has no pkg-config file in Debian
PD_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lstemmer -ldl -lm -pthread
# the unit tests that look into a store call libgit2 themselves
TEST_LIBS = $(PD_LIBS) $(shell $(PKG_CONFIG) --libs $(GIT_PKGS))
PD_LDFLAGS = $(LDFLAGS)

ifdef SANITIZE
PD_CFLAGS += -fsanitize=$(SANITIZE) -fno-sanitize-recover=$(SANITIZE) \
	-fno-omit-frame-pointer
PD_LDFLAGS += -fsanitize=$(SANITIZE)
endif

LIB_SRC  = $(sort $(wildcard lib/*.c))
CMD_SRC  = $(sort $(wildcard cmd/*.c))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
TOOL_SRC = $(sort $(wildcard tests/tools/*.c))

LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o)
CMD_OBJ  = $(CMD_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_BIN = $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/replay_%)
FUZZ_SECONDS ?= 60

.PHONY: all check fuzz bench memcheck demo deps install uninstall clean
.PHONY: deb deb-test image-test corpus print-libs

# the objects of the test programs are kept, so that a second make check
# rebuilds nothing
.SECONDARY:

all: $(BUILD)/progdiff

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(PD_CFLAGS) -c -o $@ $<

# a new version rebuilds what prints it
$(LIB_OBJ) $(CMD_OBJ): VERSION

$(BUILD)/libprogdiff.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/progdiff: $(CMD_OBJ) $(BUILD)/libprogdiff.a
	$(CC) $(PD_LDFLAGS) -o $@ $(CMD_OBJ) $(BUILD)/libprogdiff.a $(PD_LIBS)

# every unit test links the helpers the tests share (tests/unit/helpers.c)
UNIT_HELPERS = $(BUILD)/tests/unit/helpers.o

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(UNIT_HELPERS) $(BUILD)/libprogdiff.a
	@mkdir -p $(dir $@)
	$(CC) $(PD_LDFLAGS) -o $@ $< $(UNIT_HELPERS) $(BUILD)/libprogdiff.a \
		$(TEST_LIBS)

$(BUILD)/tools/%: $(BUILD)/tests/tools/%.o $(BUILD)/libprogdiff.a
	@mkdir -p $(dir $@)
	$(CC) $(PD_LDFLAGS) -o $@ $< $(BUILD)/libprogdiff.a $(PD_LIBS)

# The fuzz targets with a driver that replays a corpus (tests/fuzz/run.sh);
# `make fuzz` builds them for libFuzzer with clang instead.
$(BUILD)/fuzz/replay_%: $(BUILD)/tests/fuzz/%.o $(BUILD)/tests/fuzz/replay.o \
		$(BUILD)/libprogdiff.a
	@mkdir -p $(dir $@)
	$(CC) $(PD_LDFLAGS) -o $@ $< $(BUILD)/tests/fuzz/replay.o \
		$(BUILD)/libprogdiff.a $(PD_LIBS)

# a sanitizer build runs many times slower: the suites' hang guards
# (PD_TIME_SCALE) stretch with it
check: $(BUILD)/progdiff $(UNIT_BIN) $(TOOL_BIN) $(FUZZ_BIN)
	@BUILD=$(BUILD) $(if $(SANITIZE),PD_TIME_SCALE=10 SANITIZE=$(SANITIZE)) \
		sh tests/run.sh

# libFuzzer with AddressSanitizer and UBSan (clang), each target for
# FUZZ_SECONDS seconds from its corpus; fails on any crash.
fuzz:
	@sh tests/fuzz/smoke.sh $(FUZZ_SECONDS)

# The command-line tests under valgrind's memcheck: no error, nothing
# definitely lost.
memcheck: $(BUILD)/progdiff
	@BUILD=$(BUILD) sh tests/memcheck.sh

# An evaluation like bench, not part of check: the semantic diff scored
# against real programme revisions (recall, forbidden reports, noise).
CORPUS ?= ../shared/corpus
corpus: $(BUILD)/progdiff
	@if [ -f '$(CORPUS)/score.py' ]; then \
		python3 '$(CORPUS)/score.py' '$(BUILD)/progdiff'; \
	else \
		echo "corpus: no $(CORPUS)/score.py here; set CORPUS=DIR to score another"; \
	fi

bench: $(BUILD)/progdiff
	@BUILD=$(BUILD) CC='$(CC)' sh tests/bench/run.sh bench

demo: $(BUILD)/progdiff
	@sh tests/demo.sh $(BUILD)/progdiff

deps:
	@sh .ci/deps.sh

install: $(BUILD)/progdiff $(BUILD)/libprogdiff.a
	install -d '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(MANDIR)/man1' \
		'$(DESTDIR)$(BASHCOMPDIR)' '$(DESTDIR)$(ZSHCOMPDIR)' \
		'$(DESTDIR)$(FISHCOMPDIR)'
	install -d '$(DESTDIR)$(LIBDIR)' '$(DESTDIR)$(INCLUDEDIR)' \
		'$(DESTDIR)$(PKGCONFIGDIR)'
	install -m 644 $(BUILD)/libprogdiff.a '$(DESTDIR)$(LIBDIR)/libprogdiff.a'
	sed 's/^# define PD_VERSION "unknown"$$/# define PD_VERSION "$(VERSION)"/' \
		lib/progdiff.h >'$(DESTDIR)$(INCLUDEDIR)/progdiff.h'
	chmod 644 '$(DESTDIR)$(INCLUDEDIR)/progdiff.h'
	sh packaging/pc.sh '$(VERSION)' '$(LIBDIR)' '$(INCLUDEDIR)' \
		'$(PKGS)' '$(filter-out $(shell $(PKG_CONFIG) --libs $(PKGS)),$(PD_LIBS))' \
		>'$(DESTDIR)$(PKGCONFIGDIR)/progdiff.pc'
	install -m 755 $(BUILD)/progdiff '$(DESTDIR)$(BINDIR)/progdiff'
	install -m 644 doc/progdiff.1 '$(DESTDIR)$(MANDIR)/man1/progdiff.1'
	install -m 644 completions/progdiff.bash '$(DESTDIR)$(BASHCOMPDIR)/progdiff'
	install -m 644 completions/_progdiff '$(DESTDIR)$(ZSHCOMPDIR)/_progdiff'
	install -m 644 completions/progdiff.fish '$(DESTDIR)$(FISHCOMPDIR)/progdiff.fish'

uninstall:
	rm -f '$(DESTDIR)$(BINDIR)/progdiff' \
		'$(DESTDIR)$(MANDIR)/man1/progdiff.1' \
		'$(DESTDIR)$(BASHCOMPDIR)/progdiff' \
		'$(DESTDIR)$(ZSHCOMPDIR)/_progdiff' \
		'$(DESTDIR)$(FISHCOMPDIR)/progdiff.fish' \
		'$(DESTDIR)$(LIBDIR)/libprogdiff.a' \
		'$(DESTDIR)$(INCLUDEDIR)/progdiff.h' \
		'$(DESTDIR)$(PKGCONFIGDIR)/progdiff.pc'

# The Debian packages progdiff and libprogdiff-dev, built by debhelper
# (debian/) and left in $(BUILD)/deb; `make deb-test` installs them on this
# machine, runs them from /usr/bin and removes them again, so make check
# never runs it.
deb:
	@sh packaging/deb.sh build '$(BUILD)/deb' '$(VERSION)'

deb-test: deb
	@sh packaging/deb.sh test '$(BUILD)/deb' '$(VERSION)'

# The image of Containerfile, built with podman or buildah and run;
# skipped, saying why, where no builder or base image is to be had.
image-test:
	@sh packaging/image-test.sh '$(VERSION)'

# the libraries a program linking libprogdiff.a needs, for scripts that
# build one (the fuzzers): one list, this Makefile's
print-libs:
	@echo '$(PD_LIBS)'

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d) $(UNIT_BIN:$(BUILD)/tests/%=$(BUILD)/tests/unit/%.d)
-include $(FUZZ_SRC:%.c=$(BUILD)/%.d) $(BUILD)/tests/fuzz/replay.d
-include $(TOOL_SRC:%.c=$(BUILD)/%.d)
