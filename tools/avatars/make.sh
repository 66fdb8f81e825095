#!/usr/bin/env bash
# Makes a tagged, captioned set of N cartoon avatar pictures for gan4j (see render.mjs).
# Art: DiceBear "Adventurer" by Lisa Wischofsky, CC BY 4.0; rendered with DiceBear (MIT).
#
#   bash tools/avatars/make.sh N [DIR] [--size S] [--seed K] [--force]
#
# DIR defaults to ~/.gan/datasets/avatars. The set is written to a temporary sibling
# folder and renamed to DIR at the end, so an interrupted run never leaves half a set.
# A DIR that exists and is not empty is refused unless --force (which replaces it).
set -euo pipefail

usage() { echo "usage: $0 N [DIR] [--size S] [--seed K] [--force]" >&2; exit 2; }

count="" dir="" force=0 extra=()
while (($#)); do
  case "$1" in
    --size | --seed) (($# >= 2)) || usage; extra+=("$1" "$2"); shift 2 ;;
    --force) force=1; shift ;;
    -h | --help) usage ;;
    -*) echo "unknown option: $1" >&2; usage ;;
    *) if [[ -z "$count" ]]; then count="$1"; elif [[ -z "$dir" ]]; then dir="$1"; else usage; fi; shift ;;
  esac
done
[[ "$count" =~ ^[1-9][0-9]*$ ]] || usage
dir="${dir:-$HOME/.gan/datasets/avatars}"

for tool in node npm; do
  if ! command -v "$tool" > /dev/null; then
    echo "$tool not found: install them with sudo apt-get install nodejs npm" >&2
    exit 1
  fi
done
if (($(node -p 'process.versions.node.split(".")[0]') < 18)); then
  echo "node $(node --version) is too old: DiceBear 9 needs node 18 or newer" >&2
  exit 1
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ ! -d "$here/node_modules" || "$here/package-lock.json" -nt "$here/node_modules" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund >&2)
  touch "$here/node_modules"
fi

mkdir -p "$(dirname "$dir")"
dir="$(cd "$(dirname "$dir")" && pwd)/$(basename "$dir")"
if [[ "$dir" == "/" || "$dir" == "$HOME" || "$dir" == "$here" ]]; then
  echo "refusing to write the set to $dir" >&2
  exit 1
fi
if [[ -e "$dir" && ! -d "$dir" ]]; then
  echo "$dir exists and is not a folder" >&2
  exit 1
fi
if [[ -d "$dir" && -n "$(ls -A "$dir")" && $force -eq 0 ]]; then
  echo "$dir exists and is not empty; use --force to replace it" >&2
  exit 1
fi

tmp="$(mktemp -d "$dir.tmp.XXXXXX")"
old=""
trap 'rm -rf "$tmp" ${old:+"$old"}' EXIT
node "$here/render.mjs" --count "$count" --out "$tmp" ${extra[@]+"${extra[@]}"}
chmod 755 "$tmp"  # mktemp makes it 700
if [[ -d "$dir" ]]; then
  old="$(mktemp -d "$dir.old.XXXXXX")"
  mv "$dir" "$old/"
fi
mv "$tmp" "$dir"
echo "avatars: $count pictures in $dir"
