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

PKGS = libgit2 libcmark libpcre2-8 yaml-0.1 libutf8proc poppler-glib

WARN = -Wall -Wextra -pedantic -Wstrict-prototypes -Wmissing-prototypes \
       -Wold-style-definition -Wwrite-strings -Wvla -Wpointer-arith \
       -Wformat=2 -Wdeclaration-after-statement -Wshadow \
       -Wno-unused-parameter $(if $(WERROR),-Werror)

PD_CFLAGS = -std=$(CSTD) -D_POSIX_C_SOURCE=200809L -pthread $(WARN) $(CFLAGS) \
	-Ilib -MMD -MP $(shell $(PKG_CONFIG) --cflags $(PKGS))
PD_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm -pthread
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

# the objects of the test programs are kept, so that a second make check
# rebuilds nothing
.SECONDARY:

all: $(BUILD)/progdiff

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(PD_CFLAGS) -c -o $@ $<

$(BUILD)/libprogdiff.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/progdiff: $(CMD_OBJ) $(BUILD)/libprogdiff.a
	$(CC) $(PD_LDFLAGS) -o $@ $(CMD_OBJ) $(BUILD)/libprogdiff.a $(PD_LIBS)

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(BUILD)/libprogdiff.a
	@mkdir -p $(dir $@)
	$(CC) $(PD_LDFLAGS) -o $@ $< $(BUILD)/libprogdiff.a $(PD_LIBS)

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
	@BUILD=$(BUILD) $(if $(SANITIZE),PD_TIME_SCALE=10) sh tests/run.sh

# libFuzzer with AddressSanitizer and UBSan (clang), each target for
# FUZZ_SECONDS seconds from its corpus; fails on any crash.
fuzz:
	@sh tests/fuzz/smoke.sh $(FUZZ_SECONDS)

# The command-line tests under valgrind's memcheck: no error, nothing
# definitely lost.
memcheck: $(BUILD)/progdiff
	@BUILD=$(BUILD) sh tests/memcheck.sh

bench: $(BUILD)/progdiff
	@BUILD=$(BUILD) CC='$(CC)' sh tests/bench/run.sh bench

demo: $(BUILD)/progdiff
	@sh tests/demo.sh $(BUILD)/progdiff

deps:
	@sh .ci/deps.sh

install: $(BUILD)/progdiff
	install -d '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(MANDIR)/man1' \
		'$(DESTDIR)$(BASHCOMPDIR)' '$(DESTDIR)$(ZSHCOMPDIR)' \
		'$(DESTDIR)$(FISHCOMPDIR)'
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
		'$(DESTDIR)$(FISHCOMPDIR)/progdiff.fish'

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d) $(UNIT_BIN:$(BUILD)/tests/%=$(BUILD)/tests/unit/%.d)
-include $(FUZZ_SRC:%.c=$(BUILD)/%.d) $(BUILD)/tests/fuzz/replay.d
