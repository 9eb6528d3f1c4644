#!/bin/sh
# Entrypoint of the example redis image, behaving like the official image's: options or a .conf file
# alone mean redis-server; as root it makes the working directory (the /data volume) redis's and runs
# itself again as redis through gosu; files it writes are private (umask 0077 instead of 0022).
set -e

case $1 in -*|*.conf) set -- redis-server "$@" ;; esac

if [ "$1" = redis-server ] && [ "$(id -u)" = 0 ]; then
    find . \! -user redis -exec chown redis '{}' +
    exec gosu redis "$0" "$@"
fi

if [ "$1" = redis-server ]; then
    # The official build compiles protected mode off, since the container's network is the boundary;
    # Debian's binary has it on, so say it unless the user chose or brings a config file.
    case " $* " in
        *" --protected-mode "*|*.conf" "*) ;;
        *) set -- "$@" --protected-mode no ;;
    esac
fi

[ "$(umask)" = 0022 ] && umask 0077

exec "$@"
