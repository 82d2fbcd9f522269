#!/usr/bin/env bash
# Fetch and unpack a Debian source package into the cache without touching the
# system's apt sources: a private apt config (lists, cache, sources) lives under
# $HUIGONG_CACHE/apt. Usage: apt-source.sh PACKAGE WANTED_VERSION MIN_PREFIX
# Prints the unpacked directory on the last line of stdout.
# Falls back to the newest version offered whose version starts with MIN_PREFIX
# (e.g. "1.92"), since testing/unstable move on.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
pkg=$1 want=$2 prefix=$3
apt_dir=$HUIGONG_CACHE/apt
mkdir -p "$apt_dir"/{lists/partial,cache/archives/partial,sources.list.d} "$HUIGONG_CACHE/src"
key=/usr/share/keyrings/debian-archive-keyring.gpg
cat >"$apt_dir/sources.list" <<LIST
deb-src [signed-by=$key] http://deb.debian.org/debian bookworm main
deb-src [signed-by=$key] http://deb.debian.org/debian forky main
deb-src [signed-by=$key] http://deb.debian.org/debian sid main
LIST
opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
      -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o "APT::Sandbox::User=root")
versions() { apt-cache "${opts[@]}" showsrc "$pkg" 2>/dev/null | sed -n 's/^Version: //p'; }
if [ -z "$(versions)" ] || ! versions | grep -qx "$want"; then
  say "refreshing private apt source lists (bookworm, forky, sid) for $pkg" >&2
  apt-get "${opts[@]}" -q update >&2 || warn "apt-get update of source lists failed"
fi
# The wanted version first, then the others offered with the same prefix, newest first:
# a mirror can list a source version whose files it no longer serves.
candidates=$( { versions | grep -qx "$want" && echo "$want"; versions | grep "^$prefix" | sort -rV | grep -vx "$want"; } || true)
[ -n "$candidates" ] || die "no $pkg source with version $prefix* is offered by Debian"
for ver in $candidates; do
  dir=$HUIGONG_CACHE/src/$pkg-$ver
  [ -f "$dir/.unpacked" ] && break
  say "fetching Debian source $pkg $ver" >&2
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  if (cd "$dir.tmp" && apt-get "${opts[@]}" -q source "$pkg=$ver" >&2); then
    src=$(find "$dir.tmp" -mindepth 1 -maxdepth 1 -type d | head -n 1)
    rm -rf "$dir" && mv "$src" "$dir" && rm -rf "$dir.tmp"
    touch "$dir/.unpacked"
    break
  fi
  # The mirror may serve the upstream tarball but not Debian's packaging of this
  # revision; the upstream source alone is enough to compile from.
  orig=$(find "$dir.tmp" -maxdepth 1 -name "*.orig.tar.*" | head -n 1)
  if [ -n "$orig" ]; then
    warn "$pkg $ver: Debian's packaging files are not served; unpacking the upstream tarball alone"
    mkdir -p "$dir.tmp/x" && tar -xf "$orig" -C "$dir.tmp/x"
    src=$(find "$dir.tmp/x" -mindepth 1 -maxdepth 1 -type d | head -n 1)
    rm -rf "$dir" && mv "$src" "$dir" && rm -rf "$dir.tmp"
    touch "$dir/.unpacked"
    break
  fi
  rm -rf "$dir.tmp"
  warn "could not fetch $pkg $ver; trying the next version offered"
done
[ -f "$dir/.unpacked" ] || die "could not fetch any $pkg $prefix* source package"
[ "$ver" = "$want" ] || warn "$pkg: using $ver instead of the pinned $want"
say "using $pkg $ver from $dir" >&2
echo "$dir"
