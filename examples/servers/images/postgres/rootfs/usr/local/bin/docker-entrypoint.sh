#!/usr/bin/env bash
# Entrypoint of the example postgres image, behaving like the official image's: as root it makes the data
# and socket directories the postgres user's, then runs itself again as that user through gosu; on an
# empty PGDATA it runs initdb with POSTGRES_PASSWORD, opens pg_hba.conf to the network, creates
# POSTGRES_DB and runs /docker-entrypoint-initdb.d/* against a socket-only server; then it execs postgres.
set -Eeo pipefail

# VAR_FILE (a secret's path) may stand in for VAR.
from_file() {
    local var=$1 file_var=${1}_FILE default=${2:-}
    if [[ -n ${!var:-} && -n ${!file_var:-} ]]; then
        echo "error: $var and $file_var are both set; set only one" >&2
        exit 1
    fi
    local value=$default
    if [[ -n ${!var:-} ]]; then value=${!var}
    elif [[ -n ${!file_var:-} ]]; then value=$(<"${!file_var}")
    fi
    export "$var=$value"
    unset "$file_var"
}

wants_help() {
    local a
    for a; do case $a in -'?'|--help|--describe-config|-V|--version) return 0 ;; esac; done
    return 1
}

run_sql() {
    local args=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
    [[ -n $POSTGRES_DB ]] && args+=(--dbname "$POSTGRES_DB")
    PGHOST= PGHOSTADDR= "${args[@]}" "$@"
}

initialise() {
    if [[ -z $POSTGRES_PASSWORD && $POSTGRES_HOST_AUTH_METHOD != trust ]]; then
        cat >&2 <<'MSG'
Error: Database is uninitialized and superuser password is not specified.
       Set POSTGRES_PASSWORD to a non-empty value for the superuser,
       or POSTGRES_HOST_AUTH_METHOD=trust to allow every connection without one (not recommended).
MSG
        exit 1
    fi
    ls /docker-entrypoint-initdb.d/ >/dev/null
    [[ -n ${POSTGRES_INITDB_WALDIR:-} ]] && set -- --waldir "$POSTGRES_INITDB_WALDIR" "$@"
    # initdb's --pwfile refuses an empty file, hence the newline.
    eval 'initdb --username="$POSTGRES_USER" --pwfile=<(printf "%s\n" "$POSTGRES_PASSWORD") '"$POSTGRES_INITDB_ARGS"' "$@"'
}

open_hba() {
    [[ $1 == postgres ]] && shift
    local method
    method=$(postgres -C password_encryption "$@")
    : "${POSTGRES_HOST_AUTH_METHOD:=$method}"
    printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >> "$PGDATA/pg_hba.conf"
}

main() {
    [[ ${1:0:1} == - ]] && set -- postgres "$@"
    if [[ $1 == postgres ]] && ! wants_help "$@"; then
        from_file POSTGRES_PASSWORD
        from_file POSTGRES_USER postgres
        from_file POSTGRES_DB "$POSTGRES_USER"
        from_file POSTGRES_INITDB_ARGS
        : "${POSTGRES_HOST_AUTH_METHOD:=}"

        mkdir -p "$PGDATA"
        chmod 00700 "$PGDATA" || :
        mkdir -p /var/run/postgresql || :
        chmod 03775 /var/run/postgresql || :
        if [[ -n ${POSTGRES_INITDB_WALDIR:-} ]]; then
            mkdir -p "$POSTGRES_INITDB_WALDIR"
            [[ $(id -u) == 0 ]] && find "$POSTGRES_INITDB_WALDIR" \! -user postgres -exec chown postgres '{}' +
            chmod 700 "$POSTGRES_INITDB_WALDIR"
        fi
        if [[ $(id -u) == 0 ]]; then
            find "$PGDATA" \! -user postgres -exec chown postgres '{}' +
            find /var/run/postgresql \! -user postgres -exec chown postgres '{}' +
            exec gosu postgres "$BASH_SOURCE" "$@"
        fi

        if [[ ! -s $PGDATA/PG_VERSION ]]; then
            initialise
            open_hba "$@"
            export PGPASSWORD=${PGPASSWORD:-$POSTGRES_PASSWORD}
            local server_args=("$@")
            [[ ${server_args[0]} == postgres ]] && server_args=("${server_args[@]:1}")
            # A server on the socket only while the setup runs, so no client connects to a half-made database.
            PGUSER=${PGUSER:-$POSTGRES_USER} pg_ctl -D "$PGDATA" \
                -o "$(printf '%q ' "${server_args[@]}" -c listen_addresses= -p "${PGPORT:-5432}")" -w start
            if [[ -z $(POSTGRES_DB= run_sql --dbname postgres --set db="$POSTGRES_DB" --tuples-only \
                    <<<"SELECT 1 FROM pg_database WHERE datname = :'db' ;") ]]; then
                POSTGRES_DB= run_sql --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db" ;'
            fi
            local f
            for f in /docker-entrypoint-initdb.d/*; do
                case $f in
                    *.sh) if [[ -x $f ]]; then echo "$0: running $f"; "$f"; else echo "$0: sourcing $f"; . "$f"; fi ;;
                    *.sql) echo "$0: running $f"; run_sql -f "$f" ;;
                    *.sql.gz) echo "$0: running $f"; gunzip -c "$f" | run_sql ;;
                    *.sql.xz) echo "$0: running $f"; xzcat "$f" | run_sql ;;
                    *.sql.zst) echo "$0: running $f"; zstd -dc "$f" | run_sql ;;
                    */\*) ;;
                    *) echo "$0: ignoring $f" ;;
                esac
            done
            PGUSER=${PGUSER:-postgres} pg_ctl -D "$PGDATA" -m fast -w stop
            unset PGPASSWORD
            printf '\nPostgreSQL init process complete; ready for start up.\n\n'
        else
            printf '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n'
        fi
    fi
    exec "$@"
}

main "$@"
