# JSON literals for image configs and manifests written by shell: sourced by examples/images/build.sh and
# examples/servers/build-images.sh.

# json_str VALUE: a JSON string literal (quotes, backslashes and control characters escaped).
json_str() {
    local s=$1
    s=${s//\\/\\\\}; s=${s//\"/\\\"}
    s=${s//$'\n'/\\n}; s=${s//$'\t'/\\t}; s=${s//$'\r'/\\r}
    printf '"%s"' "$s"
}

# json_list VALUE...: a JSON array of strings.
json_list() {
    local sep= v
    printf '['
    for v in "$@"; do printf '%s%s' "$sep" "$(json_str "$v")"; sep=,; done
    printf ']'
}

# json_set VALUE...: a JSON object with each value as a key and {} as its value (ExposedPorts, Volumes).
json_set() {
    local sep= v
    printf '{'
    for v in "$@"; do printf '%s%s:{}' "$sep" "$(json_str "$v")"; sep=,; done
    printf '}'
}
