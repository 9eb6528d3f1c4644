# The `app` service: records its start in the database and the cache, then stays up for `exec`.
set -euo pipefail

# redis COMMAND ARG...: one command in the redis protocol over TCP; prints the reply's first line.
redis() {
    local reply
    exec 3<>"/dev/tcp/$REDIS_HOST/6379"
    printf '*%d\r\n' $# >&3
    for a; do printf '$%d\r\n%s\r\n' ${#a} "$a" >&3; done
    IFS= read -r reply <&3
    reply=${reply%$'\r'}
    case $reply in
        '$-1') reply= ;;                                            # no such key
        '$'*) IFS= read -r reply <&3; reply=${reply%$'\r'} ;;      # a bulk string: its text is on the next line
        [+:]*) reply=${reply:1} ;;                                  # a status or an integer
        *) exec 3>&-; echo "redis: $reply" >&2; return 1 ;;         # an error
    esac
    exec 3>&-
    printf '%s\n' "$reply"
}

if [[ ${1:-} == redis ]]; then shift; redis "$@"; exit; fi

psql -v ON_ERROR_STOP=1 -qc 'CREATE TABLE IF NOT EXISTS starts (at timestamptz NOT NULL DEFAULT now())' \
    -c 'INSERT INTO starts DEFAULT VALUES'
echo "app: database $PGHOST: $(psql -tAc 'SELECT count(*) FROM starts') start(s) recorded"
echo "app: cache $REDIS_HOST: $(redis INCR starts) start(s) counted"
exec sleep infinity
