#!/bin/sh
# Adds `listen [::]:80;` to the default server when the container has IPv6, as the official image does.
set -e
conf=/etc/nginx/conf.d/default.conf
[ -f /proc/net/if_inet6 ] || { echo "$0: info: IPv6 not available"; exit 0; }
[ -w "$conf" ] || { echo "$0: info: can not modify $conf (read-only file system?)"; exit 0; }
grep -q 'listen  *\[::\]:80;' "$conf" && exit 0
grep -q 'listen  *80;' "$conf" || { echo "$0: info: $conf differs from the image's, leaving it"; exit 0; }
sed -i -E 's,listen( +)80;,listen\180;\n    listen\1[::]:80;,' "$conf"
echo "$0: info: Enabled listen on IPv6 in $conf"
