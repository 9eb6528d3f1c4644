#!/bin/sh
# Renders /etc/nginx/templates/*.template into /etc/nginx/conf.d with the environment's variables
# (only those defined, so nginx's own $variables survive), as the official image does.
set -e
dir=${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}
suffix=${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}
out=${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}
[ -d "$dir" ] || exit 0
defined=$(printf '${%s} ' $(awk 'END { for (name in ENVIRON) print (name ~ /^[A-Za-z_][A-Za-z0-9_]*$/) ? name : "" }' </dev/null))
find "$dir" -follow -type f -name "*$suffix" -print | while read -r template; do
    relative=${template#"$dir/"}
    target=$out/${relative%"$suffix"}
    mkdir -p "$(dirname "$target")"
    echo "$0: Running envsubst on $template to $target"
    envsubst "$defined" < "$template" > "$target"
done
