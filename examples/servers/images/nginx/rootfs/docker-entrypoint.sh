#!/bin/sh
# Entrypoint of the example nginx image, behaving like the official image's: before `nginx` it runs
# the scripts in /docker-entrypoint.d (executable *.sh are run, *.envsh are sourced), saying what it
# does unless NGINX_ENTRYPOINT_QUIET_LOGS is set; nginx itself starts as root (to bind :80) and its
# workers run as the user `nginx`.
set -e

say() { [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ] && echo "$0: $*" || true; }

if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then
    if find /docker-entrypoint.d/ -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null | read -r _; then
        say "/docker-entrypoint.d/ is not empty, will attempt to perform configuration"
        for f in $(find /docker-entrypoint.d/ -follow -type f -print | sort -V); do
            case $f in
                *.envsh) if [ -x "$f" ]; then say "Sourcing $f"; . "$f"; else say "Ignoring $f, not executable"; fi ;;
                *.sh) if [ -x "$f" ]; then say "Launching $f"; "$f"; else say "Ignoring $f, not executable"; fi ;;
                *) say "Ignoring $f" ;;
            esac
        done
        say "Configuration complete; ready for start up"
    else
        say "No files found in /docker-entrypoint.d/, skipping configuration"
    fi
fi

exec "$@"
