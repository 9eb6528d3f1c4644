#!/usr/bin/env bash
# Builds the example images from Debian's busybox-static, with no registry and no container engine:
# one OCI image-layout archive per image (out/NAME.oci.tar) and the same image as a `docker save`
# archive (out/NAME.docker.tar, for `docker load` / `podman load`). Every image is the shared base
# layer (busybox, its applet links, account files) plus the layers its definition NAME.conf lists from
# layers/. The output is byte-for-byte reproducible: fixed mtimes, sorted entries, owner 0:0, gzip -n.
#
#   examples/images/build.sh [--out DIR] [NAME...]     (default: every *.conf, into out/)
set -euo pipefail
umask 022

here=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")
out=$here/out
busybox=${BUSYBOX:-/bin/busybox}
# 2024-01-01T00:00:00Z: any fixed instant would do; it is every file's mtime and the images' "created".
epoch=1704067200
created=2024-01-01T00:00:00Z

names=()
while (($#)); do
    case $1 in
        --out) out=$(readlink -f -- "$2"); shift 2 ;;
        -h|--help) sed -n '2,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
        -*) echo "build.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
        *) names+=("$1"); shift ;;
    esac
done
if ((${#names[@]} == 0)); then
    for conf in "$here"/*.conf; do names+=("$(basename "$conf" .conf)"); done
fi

if [[ ! -x $busybox ]] || ! "$busybox" --list-full >/dev/null 2>&1; then
    echo "build.sh: $busybox is missing; install Debian's busybox-static (./install.sh does)" >&2
    exit 1
fi

case $(dpkg --print-architecture 2>/dev/null || uname -m) in
    amd64|x86_64) arch=amd64 ;;
    arm64|aarch64) arch=arm64 ;;
    *) echo "build.sh: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/blobs"

# --- JSON -------------------------------------------------------------------------------------------

# shellcheck source=json.sh
. "$here/json.sh"

# --- blobs ------------------------------------------------------------------------------------------

# blob FILE: moves FILE into the blob directory under its digest and prints "sha256:HEX SIZE".
blob() {
    local hex size
    hex=$(sha256sum "$1"); hex=${hex%% *}
    size=$(stat -c %s "$1")
    mv -f "$1" "$work/blobs/$hex"
    printf 'sha256:%s %s' "$hex" "$size"
}

# layer DIR: a gzip layer of DIR's contents; prints "LAYER-DIGEST SIZE DIFF-ID".
layer() {
    local dir=$1 tar=$work/layer.tar diff
    tar --create --file "$tar" --directory "$dir" --format=gnu --sort=name --numeric-owner \
        --owner=0 --group=0 --mtime="@$epoch" --no-acls --no-xattrs --no-selinux .
    diff=$(sha256sum "$tar"); diff=sha256:${diff%% *}
    gzip -n -6 "$tar"
    printf '%s %s' "$(blob "$tar.gz")" "$diff"
}

# The base layer: busybox at /bin/busybox, an absolute link per applet where Debian's busybox puts it,
# users root, app (1000) and nobody, a world-writable /tmp, and the mount points runtimes expect.
base_layer() {
    local root=$work/base path
    mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,etc,root,home/app,tmp,proc,sys,dev,run,var}
    cp "$busybox" "$root/bin/busybox"
    chmod 755 "$root/bin/busybox"
    while read -r path; do
        [[ -z $path || $path == bin/busybox || $path != */* ]] && continue
        ln -sfn /bin/busybox "$root/$path"
    done < <("$busybox" --list-full)
    printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'app:x:1000:1000:app:/home/app:/bin/sh' \
        'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' > "$root/etc/passwd"
    printf '%s\n' 'root:x:0:' 'app:x:1000:' 'nogroup:x:65534:' > "$root/etc/group"
    chmod 644 "$root/etc/passwd" "$root/etc/group"
    chmod 1777 "$root/tmp"
    chmod 700 "$root/root"
    layer "$root"
}

# A layer from layers/NAME: files as they are in the repository, owner 0:0, modes normalised to
# 755 for directories and executables and 644 otherwise, so a checkout's umask does not show.
file_layer() {
    local src=$here/layers/$1 root=$work/layer-$1
    [[ -d $src ]] || { echo "build.sh: no layer directory layers/$1" >&2; exit 1; }
    mkdir -p "$root"
    cp -a "$src/." "$root/"
    chmod -R u=rwX,go=rX "$root"
    layer "$root"
}

# --- images -----------------------------------------------------------------------------------------

declare -A layer_cache
# nanos DURATION: "2s", "500ms", "1m" → nanoseconds (the image config's unit).
nanos() {
    case $1 in
        *ms) echo $(( ${1%ms} * 1000000 )) ;;
        *s) echo $(( ${1%s} * 1000000000 )) ;;
        *m) echo $(( ${1%m} * 60000000000 )) ;;
        *) echo "build.sh: bad duration '$1' (use 500ms, 2s or 1m)" >&2; exit 1 ;;
    esac
}

mkdir -p "$out"
# Layers are built once per run and shared by every image that lists them. The cache is filled here,
# not inside $(...), whose assignments would be lost with its subshell.
layer_cache[base]=$(base_layer)

for name in "${names[@]}"; do
    conf=$here/$name.conf
    [[ -f $conf ]] || { echo "build.sh: no image definition $conf" >&2; exit 1; }
    # The definition's variables; see README.md for what each one means.
    image= layers=() entrypoint=() cmd=() env=() workdir= user= ports=() volumes=() stop_signal=
    healthcheck=() health_interval= health_timeout= health_start_period= health_start_interval= health_retries=
    # shellcheck source=/dev/null
    . "$conf"
    [[ -n $image ]] || { echo "build.sh: $conf sets no image=" >&2; exit 1; }

    layer_descriptors= diff_ids=() history=
    for l in base "${layers[@]}"; do
        [[ -n ${layer_cache[$l]:-} ]] || layer_cache[$l]=$(file_layer "$l")
        read -r digest size diff <<<"${layer_cache[$l]}"
        layer_descriptors+=${layer_descriptors:+,}'{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"'$digest'","size":'$size'}'
        diff_ids+=("$diff")
        history+=${history:+,}'{"created":"'$created'","created_by":'$(json_str "examples/images/build.sh: layer $l")'}'
    done

    health=
    if ((${#healthcheck[@]})); then
        health=',"Healthcheck":{"Test":'$(json_list "${healthcheck[@]}")
        [[ -n $health_interval ]] && health+=',"Interval":'$(nanos "$health_interval")
        [[ -n $health_timeout ]] && health+=',"Timeout":'$(nanos "$health_timeout")
        [[ -n $health_start_period ]] && health+=',"StartPeriod":'$(nanos "$health_start_period")
        [[ -n $health_start_interval ]] && health+=',"StartInterval":'$(nanos "$health_start_interval")
        [[ -n $health_retries ]] && health+=',"Retries":'$health_retries
        health+='}'
    fi
    config='{"created":"'$created'","architecture":"'$arch'","os":"linux","config":{'
    config+='"User":'$(json_str "$user")
    config+=',"Env":'$(json_list "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" "${env[@]}")
    ((${#entrypoint[@]})) && config+=',"Entrypoint":'$(json_list "${entrypoint[@]}")
    ((${#cmd[@]})) && config+=',"Cmd":'$(json_list "${cmd[@]}")
    config+=',"WorkingDir":'$(json_str "${workdir:-/}")
    ((${#ports[@]})) && config+=',"ExposedPorts":'$(json_set "${ports[@]}")
    ((${#volumes[@]})) && config+=',"Volumes":'$(json_set "${volumes[@]}")
    [[ -n $stop_signal ]] && config+=',"StopSignal":'$(json_str "$stop_signal")
    config+=$health
    config+=',"Labels":{"org.opencontainers.image.title":'$(json_str "$name")'}}'
    config+=',"rootfs":{"type":"layers","diff_ids":'$(json_list "${diff_ids[@]}")'}'
    config+=',"history":['$history']}'
    printf '%s' "$config" > "$work/config.json"
    read -r config_digest config_size <<<"$(blob "$work/config.json")"

    printf '%s' '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"'$config_digest'","size":'$config_size'},"layers":['$layer_descriptors']}' > "$work/manifest.json"
    read -r manifest_digest manifest_size <<<"$(blob "$work/manifest.json")"

    # The archive: an OCI layout with only this image's blobs. The docker variant adds manifest.json,
    # which `docker load` and `podman load` read (as Docker 25's own `docker save` output does).
    stage=$work/stage-$name
    mkdir -p "$stage/blobs/sha256"
    for d in "$manifest_digest" "$config_digest" $(printf '%s\n' "$layer_descriptors" | grep -o 'sha256:[0-9a-f]*'); do
        cp "$work/blobs/${d#sha256:}" "$stage/blobs/sha256/${d#sha256:}"
    done
    printf '%s' '{"imageLayoutVersion":"1.0.0"}' > "$stage/oci-layout"
    printf '%s' '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"'$manifest_digest'","size":'$manifest_size',"annotations":{"io.containerd.image.name":'$(json_str "$image")',"org.opencontainers.image.ref.name":'$(json_str "$image")'}}]}' > "$stage/index.json"
    tar_opts=(--format=gnu --sort=name --numeric-owner --owner=0 --group=0 --mtime="@$epoch" --mode=u=rwX,go=rX)
    tar --create --file "$work/$name.oci.tar" --directory "$stage" "${tar_opts[@]}" oci-layout index.json blobs
    layer_files=$(printf '%s\n' "$layer_descriptors" | grep -o 'sha256:[0-9a-f]*' | sed 's|sha256:\(.*\)|"blobs/sha256/\1"|' | paste -sd,)
    printf '%s' '[{"Config":"blobs/sha256/'${config_digest#sha256:}'","RepoTags":['$(json_str "$image")'],"Layers":['$layer_files']}]' > "$stage/manifest.json"
    tar --create --file "$work/$name.docker.tar" --directory "$stage" "${tar_opts[@]}" manifest.json oci-layout index.json blobs
    # Replace outputs only when they changed, so a second run leaves mtimes (and make-style checks) alone.
    for kind in oci docker; do
        if ! cmp -s "$work/$name.$kind.tar" "$out/$name.$kind.tar"; then
            mv -f "$work/$name.$kind.tar" "$out/$name.$kind.tar"
        fi
    done
    printf '%-40s %s\n' "$image" "$out/$name.oci.tar"
done
