#!/bin/sh
# Prints the interpreter `make install` creates .venv with (the Makefile's default PYTHON).
#
# The system's python3 when it is 3.11 or newer and can make a virtual environment and compile
# extensions; otherwise python3 on PATH.  Distributions (Debian, Ubuntu, Fedora) build their
# python3 with profile-guided and link-time optimisation into a static executable; pyenv's
# default build has neither and links libpython as a shared library.  On this project's
# 2-core machine the system's 3.11 analyses articles with about 9% less CPU than pyenv's 3.11
# (README, "Corpus mode", "Speed and memory").
#
# Debian and Ubuntu ship venv and the C headers as separate packages: as root, with apt-get,
# they are installed when missing (FRAMING_APT=0 forbids it).  FRAMING_SYSTEM_PYTHON names
# another interpreter to consider instead of /usr/bin/python3.
set -u
sys=${FRAMING_SYSTEM_PYTHON:-/usr/bin/python3}

recent() {
    "$sys" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

# venv with pip (ensurepip) and the headers mypyc compiles against.
complete() {
    "$sys" -c '
import ensurepip, os, sysconfig, venv
assert os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))
' >/dev/null 2>&1
}

if [ -x "$sys" ] && recent; then
    if ! complete && [ "${FRAMING_APT:-1}" != 0 ] && [ "$(id -u)" = 0 ] \
            && command -v apt-get >/dev/null 2>&1; then
        v=$("$sys" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
        echo "installing Debian's python$v-venv and python$v-dev for $sys" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq "python$v-venv" "python$v-dev") >/dev/null 2>&1 \
            || echo "could not install them: using python3 on PATH" >&2
    fi
    if complete; then
        echo "$sys"
        exit 0
    fi
fi
echo python3
