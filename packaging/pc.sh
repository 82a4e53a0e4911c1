#!/bin/sh
# SPDX-License-Identifier: MIT
# pc.sh VERSION LIBDIR INCLUDEDIR PKGS LIBS: print progdiff.pc, the
# pkg-config file of the installed library. The library is static, so the
# packages it is built on (PKGS) are required publicly and the libraries
# it needs without a pkg-config file (LIBS: -lm -pthread...) are in Libs:
# `pkg-config --libs progdiff` is all a program needs to link it.
set -eu
[ $# -eq 5 ] || { echo "usage: pc.sh VERSION LIBDIR INCLUDEDIR PKGS LIBS" >&2; exit 2; }
cat <<PC
libdir=$2
includedir=$3

Name: progdiff
Description: Semantic diff of programme documents kept as structured Markdown
Version: $1
Requires: $4
Libs: -L\${libdir} -lprogdiff $5
Cflags: -I\${includedir}
PC
