#!/usr/bin/env bash
# Installs jcompose on this machine (Debian 12): the host packages it needs, the build, the startup
# cache, and a `jcompose` command on PATH. Run as root. Safe to run again: packages already present are
# not fetched again, and the build only redoes what changed.
set -euo pipefail

root=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")
# shellcheck source=scripts/java-home.sh
. "$root/scripts/java-home.sh"

say() { printf 'install: %s\n' "$*"; }

if [[ $(id -u) -ne 0 ]]; then
    echo "install.sh must run as root: it installs Debian packages and links /usr/local/bin/jcompose." >&2
    echo "Try: sudo $0" >&2
    exit 1
fi

# What later parts of jcompose call on the host:
#   maven            builds jcompose
#   runc, crun       OCI runtimes that start containers (whichever works on this kernel)
#   conmon           keeps each container's exit code and logs while the agent restarts
#   iproute2         bridges, veth pairs, network namespaces (ip -j)
#   nftables         published ports and masquerading (nft -j)
#   tini             init: true runs its static build as the container's PID 1
#   busybox-static   the example images and the test suite's images are built from it
#   docker-registry  the test suite pulls those images from a registry of its own on 127.0.0.1
#   apache2-utils    htpasswd, for the registry tests' basic auth
#   openssl          the registry tests' token issuer signs with a key it makes
#   skopeo           the image tests exchange archives with it; bench/image-pull.sh compares against it
#   hyperfine        bench/cli-startup.sh
#   dnsutils         dig, the DNS tests' real client
#   wrk              bench/port-forward.sh
#   dnsperf          bench/dns-perf.sh
#   debootstrap      examples/servers/build-images.sh makes the postgres, redis and nginx images from Debian
#   attr             getfattr: that script reads overlayfs's opaque-directory marks
#   bash-completion  loads `jcompose completion bash`, installed below
#   xz-utils, bzip2  a Dockerfile's ADD of .tar.xz / .tar.bz2 archives is unpacked with them, as Docker does
packages=(maven runc crun conmon iproute2 nftables tini busybox-static docker-registry apache2-utils openssl skopeo
          dnsutils hyperfine wrk dnsperf bash-completion debootstrap attr xz-utils bzip2)

missing=()
for package in "${packages[@]}"; do
    if [[ $(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null) != installed ]]; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} > 0)); then
    say "installing ${missing[*]}"
    # Packages such as docker-registry would start their daemon on installation; jcompose runs what it
    # needs itself. policy-rc.d is Debian's switch for "do not start services now" (exit code 101).
    policy=/usr/sbin/policy-rc.d
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' > "$policy"
        chmod 755 "$policy"
        trap 'rm -f "$policy"' EXIT
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
else
    say "host packages already present"
fi

if ! jcompose_find_java; then
    jcompose_no_java_message
    exit 1
fi
say "using Java at $JCOMPOSE_JAVA_HOME"

say "building"
# Maven itself uses sun.misc.Unsafe and would warn about it on every build under Java 25.
(cd "$root" && JAVA_HOME=$JCOMPOSE_JAVA_HOME MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
    mvn -B -q -Dstyle.color=never -DskipTests package)

# The example stacks run on images made here from busybox-static, so they need no registry.
say "building the example images (examples/images/out/)"
"$root/examples/images/build.sh" >/dev/null

# The first run of the launcher records the startup cache for this jar and JDK.
say "recording the startup cache"
"$root/jcompose" version >/dev/null
if ! compgen -G "$root/cli/target/jcompose-*.aot" >/dev/null; then
    say "warning: no startup cache was recorded; jcompose works, but starts slower"
fi

ln -sfn "$root/jcompose" /usr/local/bin/jcompose

# bash completion (bash-completion loads it on first use of the command); zsh users source
# `jcompose completion zsh`, the same script through bashcompinit.
say "installing bash completion"
completions=/usr/share/bash-completion/completions
mkdir -p "$completions"
"$root/jcompose" completion bash > "$completions/jcompose.tmp" && mv "$completions/jcompose.tmp" "$completions/jcompose"

# The examples' images go into the agent's store (the first command starts the agent in the
# background), so `jcompose up` of an example finds them without a registry.
say "loading the example images into the agent"
for archive in "$root"/examples/images/out/*.oci.tar; do
    /usr/local/bin/jcompose image load -q -i "$archive"
done
# Recorded again now that an agent answers: the training then covers the commands that talk to it.
say "recording the startup cache with the agent's commands"
rm -f "$root"/cli/target/jcompose-*.aot
"$root/jcompose" version >/dev/null
say "done: $(/usr/local/bin/jcompose version) at /usr/local/bin/jcompose"
