#!/usr/bin/env bash
# Finds a Java 25 (or newer) runtime without the user setting anything:
#   1. $JAVA_HOME, if it is 25 or newer;
#   2. the newest 25+ JDK under /usr/lib/jvm (where Debian packages and Temurin install);
#   3. `java` on PATH, if it is 25 or newer.
# Sourced by ./jcompose and ./install.sh (function jcompose_find_java sets JCOMPOSE_JAVA_HOME);
# run directly, it prints the directory, or fails with a message on stderr.
#
# Versions come from each JDK's `release` file, so finding Java starts no JVM (that would cost
# ~50 ms on every jcompose command). Only a `java` on PATH without a release file is asked directly.

JCOMPOSE_MIN_JAVA=25

# Sets _jcompose_major to the feature version of the JDK in $1 (25 for "25.0.3"); fails if unknown.
_jcompose_major_of() {
    local home=$1 line
    _jcompose_major=
    [[ -x $home/bin/java ]] || return 1
    if [[ -r $home/release ]]; then
        while IFS= read -r line; do
            if [[ $line == JAVA_VERSION=* ]]; then
                line=${line#JAVA_VERSION=}
                line=${line//\"/}
                line=${line%%.*}
                [[ $line =~ ^[0-9]+$ ]] && _jcompose_major=$line && return 0
                return 1
            fi
        done < "$home/release"
        return 1
    fi
    # No release file: ask the runtime (`openjdk version "25.0.3" ...`).
    line=$("$home/bin/java" -version 2>&1 | head -n 1) || return 1
    [[ $line =~ \"([0-9]+) ]] || return 1
    _jcompose_major=${BASH_REMATCH[1]}
}

# Sets JCOMPOSE_JAVA_HOME to a Java 25+ home; returns 1 when there is none.
jcompose_find_java() {
    local candidate best= best_major=0 java_bin
    JCOMPOSE_JAVA_HOME=
    if [[ -n ${JAVA_HOME:-} ]] && _jcompose_major_of "$JAVA_HOME" && ((_jcompose_major >= JCOMPOSE_MIN_JAVA)); then
        JCOMPOSE_JAVA_HOME=$JAVA_HOME
        return 0
    fi
    for candidate in /usr/lib/jvm/*; do
        [[ -d $candidate ]] || continue
        if _jcompose_major_of "$candidate" && ((_jcompose_major >= JCOMPOSE_MIN_JAVA && _jcompose_major > best_major)); then
            best=$candidate
            best_major=$_jcompose_major
        fi
    done
    if [[ -n $best ]]; then
        JCOMPOSE_JAVA_HOME=$best
        return 0
    fi
    if java_bin=$(command -v java); then
        candidate=$(readlink -f -- "$java_bin")
        candidate=${candidate%/bin/java}
        if _jcompose_major_of "$candidate" && ((_jcompose_major >= JCOMPOSE_MIN_JAVA)); then
            JCOMPOSE_JAVA_HOME=$candidate
            return 0
        fi
    fi
    return 1
}

jcompose_no_java_message() {
    echo "jcompose: no Java $JCOMPOSE_MIN_JAVA runtime found (looked at \$JAVA_HOME, /usr/lib/jvm/*, and java on PATH)." >&2
    echo "Install one, e.g. Eclipse Temurin $JCOMPOSE_MIN_JAVA from https://adoptium.net/installation/linux/, then run ./install.sh again." >&2
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    if jcompose_find_java; then
        printf '%s\n' "$JCOMPOSE_JAVA_HOME"
    else
        jcompose_no_java_message
        exit 1
    fi
fi
