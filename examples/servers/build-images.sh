#!/usr/bin/env bash
# Builds Debian 12 images of postgres 15, redis 7 and nginx that behave like the official Docker Hub
# images (entrypoint scripts, gosu, the same users and uids, VOLUME, STOPSIGNAL, locale), with no
# registry and no container engine: debootstrap makes one base layer, each image adds one layer
# installed with apt-get in a chroot on an overlay of the base. Output: CACHE/out/NAME.docker.tar
# (`jcompose image load -i`, `docker load -i`). Needs root, debootstrap and the Debian mirror.
#
#   examples/servers/build-images.sh [--cache DIR] [--mirror URL] [NAME...]   (NAME: postgres redis nginx)
#
# CACHE defaults to $JCOMPOSE_SERVER_IMAGE_CACHE, else examples/servers/cache. A second run reuses the
# base and every image whose inputs (this script, images/NAME/) did not change.
set -euo pipefail
umask 022

here=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")
cache=${JCOMPOSE_SERVER_IMAGE_CACHE:-$here/cache}
mirror=http://deb.debian.org/debian
suite=bookworm
created=2024-01-01T00:00:00Z
epoch=1704067200
all=(postgres redis nginx)

names=()
while (($#)); do
    case $1 in
        --cache) cache=$2; shift 2 ;;
        --mirror) mirror=$2; shift 2 ;;
        -h|--help) sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
        -*) echo "build-images.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
        *) names+=("$1"); shift ;;
    esac
done
((${#names[@]})) || names=("${all[@]}")
for n in "${names[@]}"; do
    [[ -d $here/images/$n ]] || { echo "build-images.sh: no image $n (known: ${all[*]})" >&2; exit 2; }
done
((EUID == 0)) || { echo "build-images.sh: run as root (debootstrap, chroot and overlay mounts need it)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "build-images.sh: install debootstrap (apt-get install debootstrap)" >&2; exit 1; }

mkdir -p "$cache/out"
cache=$(readlink -f -- "$cache")
mounts=()
cleanup() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT

mount_on() { mount "$@"; mounts+=("${!#}"); }

# in_root DIR COMMAND: runs a shell command inside DIR as a build machine (no services started).
in_root() {
    local root=$1; shift
    mount_on -t proc proc "$root/proc"
    mount_on --bind /dev "$root/dev"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    # a failure ends the script; the EXIT trap unmounts
    chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive /bin/bash -euo pipefail -c "$*"
    umount "$root/dev" "$root/proc"
    mounts=("${mounts[@]:0:${#mounts[@]}-2}")
}

# tar_layer DIR FILE: an uncompressed layer of DIR (owners kept, fixed mtimes, sorted); prints its digest.
tar_layer() {
    tar --create --file "$2" --directory "$1" --format=gnu --sort=name --numeric-owner --mtime="@$epoch" --no-acls --no-xattrs --no-selinux .
    local hex; hex=$(sha256sum "$2"); echo "${hex%% *}"
}

# --- the base layer ---------------------------------------------------------------------------------

base_key="$suite $mirror minbase+gosu v1"
if [[ ! -f $cache/base.layer.tar || $(cat "$cache/base.key" 2>/dev/null) != "$base_key" ]]; then
    echo "build-images.sh: base: debootstrap $suite from $mirror"
    rm -rf "$cache/base" "$cache/base.tmp" "$cache/base.layer.tar" "$cache/base.key"
    debootstrap --variant=minbase "$suite" "$cache/base.tmp" "$mirror" > "$cache/debootstrap.log" 2>&1 \
        || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
    rm -rf "$cache/base.tmp/dev/"*
    # As Docker's debian images: no documentation or man pages, services never started by packages.
    printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
        'path-exclude /usr/share/man/*' 'path-exclude /usr/share/info/*' > "$cache/base.tmp/etc/dpkg/dpkg.cfg.d/docker"
    printf '#!/bin/sh\nexit 101\n' > "$cache/base.tmp/usr/sbin/policy-rc.d"
    chmod 755 "$cache/base.tmp/usr/sbin/policy-rc.d"
    in_root "$cache/base.tmp" 'apt-get update -qq && apt-get install -y -qq --no-install-recommends gosu ca-certificates >/dev/null
        apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/debconf/*-old /var/lib/dpkg/*-old /var/log/*.log /var/log/apt/*'
    : > "$cache/base.tmp/etc/resolv.conf"
    : > "$cache/base.tmp/etc/hostname"
    rm -rf "$cache/base.tmp/tmp/"*
    mv "$cache/base.tmp" "$cache/base"
    tar_layer "$cache/base" "$cache/base.layer.tar" > "$cache/base.digest"
    echo "$base_key" > "$cache/base.key"
fi
base_digest=$(cat "$cache/base.digest")

# --- one image ---------------------------------------------------------------------------------------

# Per image: the shell run in the chroot (after images/NAME/rootfs is copied in) and its config.
setup_postgres='
    groupadd -r postgres --gid=999
    useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres
    mkdir -p /var/lib/postgresql && chown -R postgres:postgres /var/lib/postgresql
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends locales libnss-wrapper xz-utils zstd >/dev/null
    localedef -i en_US -c -f UTF-8 -A /usr/share/locale/locale.alias en_US.UTF-8
    mkdir -p /etc/postgresql-common && echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
    apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
    sed -ri "s!^#?(listen_addresses)\s*=\s*\S+.*!\1 = '"'*'"'!" /usr/share/postgresql/15/postgresql.conf.sample
    grep -F "listen_addresses = '"'*'"'" /usr/share/postgresql/15/postgresql.conf.sample
    mkdir -p /docker-entrypoint-initdb.d
    mkdir -p /var/run/postgresql && chown -R postgres:postgres /var/run/postgresql && chmod 3777 /var/run/postgresql
    mkdir -p /var/lib/postgresql/data && chown -R postgres:postgres /var/lib/postgresql/data && chmod 1777 /var/lib/postgresql/data
    ln -sf usr/local/bin/docker-entrypoint.sh /'
config_postgres() {
    user= entrypoint=(docker-entrypoint.sh) cmd=(postgres) stop_signal=SIGINT ports=(5432/tcp)
    volumes=(/var/lib/postgresql/data) workdir=/
    env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/15/bin
        GOSU_VERSION=1.14 LANG=en_US.utf8 PG_MAJOR=15 PGDATA=/var/lib/postgresql/data)
}

setup_redis='
    groupadd -r -g 999 redis && useradd -r -g redis -u 999 redis
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends redis-server >/dev/null
    mkdir /data && chown redis:redis /data'
config_redis() {
    user= entrypoint=(docker-entrypoint.sh) cmd=(redis-server) stop_signal= ports=(6379/tcp) volumes=(/data) workdir=/data
    env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin GOSU_VERSION=1.14)
}

setup_nginx='
    groupadd --system --gid 101 nginx
    useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx
    apt-get update -qq
    # keep the image'"'"'s configuration, which is already in place, over the package'"'"'s
    apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold nginx-light gettext-base curl >/dev/null
    rm -f /etc/nginx/sites-enabled/default
    ln -sf /dev/stdout /var/log/nginx/access.log
    ln -sf /dev/stderr /var/log/nginx/error.log'
config_nginx() {
    user= entrypoint=(/docker-entrypoint.sh) cmd=(nginx -g "daemon off;") stop_signal=SIGQUIT ports=(80/tcp) volumes=()
    workdir=/
    env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin NGINX_VERSION=1.22.1)
}

# json_str, json_list, json_set
# shellcheck source=../images/json.sh
. "$here/../images/json.sh"

build() {
    local name=$1
    local work=$cache/$name setup_var=setup_$1
    local key
    key=$( { cat "${BASH_SOURCE[0]}"; echo "$base_digest"; tar -C "$here/images/$name" --sort=name --mtime="@$epoch" \
        --owner=0 --group=0 -cf - .; } | sha256sum)
    key=${key%% *}
    if [[ -f $cache/out/$name.docker.tar && $(cat "$work.key" 2>/dev/null) == "$key" ]]; then
        echo "build-images.sh: $name: up to date ($cache/out/$name.docker.tar)"
        return
    fi
    echo "build-images.sh: $name: installing packages"
    rm -rf "$work" "$work.key"
    mkdir -p "$work"/{upper,work,root}
    mount_on -t overlay overlay -o "lowerdir=$cache/base,upperdir=$work/upper,workdir=$work/work" "$work/root"
    cp -a "$here/images/$name/rootfs/." "$work/root/"
    in_root "$work/root" "${!setup_var}"'
        apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/debconf/*-old /var/lib/dpkg/*-old /var/log/*.log /var/log/apt/*'
    : > "$work/root/etc/resolv.conf"
    umount "$work/root"
    mounts=("${mounts[@]:0:${#mounts[@]}-1}")
    rm -f "$work/upper/etc/resolv.conf"

    # overlayfs marks deletions its own way; an image layer says them with .wh. files.
    local f
    while IFS= read -r -d '' f; do
        if [[ $(stat -c '%t:%T' "$f") == 0:0 ]]; then rm -f "$f"; : > "$(dirname "$f")/.wh.$(basename "$f")"; fi
    done < <(find "$work/upper" -type c -print0)
    while IFS= read -r -d '' f; do
        if [[ $(getfattr --only-values -n trusted.overlay.opaque "$f" 2>/dev/null) == y ]]; then : > "$f/.wh..wh..opq"; fi
    done < <(find "$work/upper" -type d -print0)

    local layer_digest
    layer_digest=$(tar_layer "$work/upper" "$work/layer.tar")
    rm -rf "$work/upper" "$work/work" "$work/root"

    local user entrypoint cmd stop_signal ports volumes workdir env
    "config_$name"
    local config
    config='{"created":"'$created'","architecture":"amd64","os":"linux","config":{'
    config+='"User":'$(json_str "$user")',"Env":'$(json_list "${env[@]}")
    config+=',"Entrypoint":'$(json_list "${entrypoint[@]}")',"Cmd":'$(json_list "${cmd[@]}")
    config+=',"WorkingDir":'$(json_str "$workdir")',"ExposedPorts":'$(json_set "${ports[@]}")
    ((${#volumes[@]})) && config+=',"Volumes":'$(json_set "${volumes[@]}")
    [[ -n $stop_signal ]] && config+=',"StopSignal":'$(json_str "$stop_signal")
    config+=',"Labels":{"org.opencontainers.image.title":'$(json_str "$name")'}}'
    config+=',"rootfs":{"type":"layers","diff_ids":["sha256:'$base_digest'","sha256:'$layer_digest'"]}'
    config+=',"history":[{"created":"'$created'","created_by":"debootstrap --variant=minbase '$suite'"},'
    config+='{"created":"'$created'","created_by":"examples/servers/build-images.sh '$name'"}]}'

    local stage=$work/stage config_hex
    mkdir -p "$stage/$base_digest" "$stage/$layer_digest"
    printf '%s' "$config" > "$stage/config.json"
    config_hex=$(sha256sum "$stage/config.json"); config_hex=${config_hex%% *}
    mv "$stage/config.json" "$stage/$config_hex.json"
    ln "$cache/base.layer.tar" "$stage/$base_digest/layer.tar"
    mv "$work/layer.tar" "$stage/$layer_digest/layer.tar"
    printf '[{"Config":"%s.json","RepoTags":[%s],"Layers":["%s/layer.tar","%s/layer.tar"]}]' \
        "$config_hex" "$(json_str "$(image_of "$name")")" "$base_digest" "$layer_digest" > "$stage/manifest.json"
    tar --create --file "$cache/out/$name.docker.tar.tmp" --directory "$stage" --format=gnu --sort=name \
        --numeric-owner --owner=0 --group=0 --mtime="@$epoch" manifest.json "$config_hex.json" "$base_digest" "$layer_digest"
    mv -f "$cache/out/$name.docker.tar.tmp" "$cache/out/$name.docker.tar"
    rm -rf "$work"
    echo "$key" > "$work.key"
    echo "build-images.sh: $name: $(image_of "$name") → $cache/out/$name.docker.tar"
}

image_of() {
    case $1 in
        postgres) echo jcompose.local/postgres:15 ;;
        redis) echo jcompose.local/redis:7 ;;
        nginx) echo jcompose.local/nginx:1 ;;
    esac
}

for n in "${names[@]}"; do build "$n"; done
