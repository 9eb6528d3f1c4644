#!/bin/sh
# Rebuilds the tar fixtures with GNU tar (run as root: devices, ownership and security.* xattrs).
# The fixtures are committed so unit tests read archives made by an independent writer.
set -eu
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir -p root/dir/sub
printf 'hello\n' > root/dir/file.txt
printf '#!/bin/sh\n' > root/dir/setuid
chmod 4755 root/dir/setuid
ln -s ../dir/file.txt root/dir/link
ln root/dir/file.txt root/dir/hard
mknod root/dir/tty c 5 0
mknod root/dir/loop b 7 3
mkfifo root/dir/fifo
long=$(printf 'x%.0s' $(seq 1 150))
printf 'long\n' > "root/dir/$long"
printf 'ping\n' > root/dir/ping
# security.capability for cap_net_raw+ep: binary bytes >= 0x80 included in later fields
setcap cap_net_raw,cap_setuid+ep root/dir/ping
python3 -c 'import os; os.setxattr("root/dir/file.txt", "user.bin", bytes([0xff, 0xfe, 0x80, 0x41, 0x00, 0x0a]))'
chown 1234:5678 root/dir/file.txt
touch -d '2021-03-04 05:06:07.123456789' root/dir/file.txt
chmod 0700 root/dir/sub
tar --xattrs --xattrs-include='*' --format=pax --numeric-owner -C root -cf "$out/gnu-pax.tar" dir
tar --format=gnu --numeric-owner -C root -cf "$out/gnu-longnames.tar" dir
