#!/usr/bin/env bash
# The image-folder targets on the avatar set: preparing it, drawing a batch from its archive, and training on
# batches drawn from the archive against batches held in memory, alternating (A B A B ...).
# Usage: bench/image_folder.sh [ROUNDS] [THREADS]   (defaults 3 and 2)
# Needs the avatar set (./gan data avatars 30000). Environment: CONFIG (default dcgan-avatars), ITERS and WARMUP
# (timed and untimed training steps, default 100 and 20), DATA_BATCHES (batches timed, default 2000: a few epochs,
# so the figure is the steady state once the archive's pages have been touched).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"; threads="${2:-2}"; config="${CONFIG:-dcgan-avatars}"
iters="${ITERS:-100}"; warmup="${WARMUP:-20}"; data_batches="${DATA_BATCHES:-2000}"
[[ $rounds =~ ^[1-9][0-9]*$ && $threads =~ ^[1-9][0-9]*$ ]] \
  || { echo "image_folder: ROUNDS and THREADS must be positive integers, found '$rounds' and '$threads'" >&2; exit 2; }
gan="$root/gan"

start=$(date +%s.%N)
"$gan" data prepare "$config" --force >/dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "prepare: %.1f s (gan data prepare --force, JVM start included)\n", e - s }'

"$gan" bench "$config" --threads "$threads" --iters 1 --warmup 0 --sample-iters 0 --data-batches "$data_batches" | grep '^data '

field() { tail -n 1 | grep -o "$1=[0-9.]*" | cut -d= -f2; }
ratios=()
for ((r = 1; r <= rounds; r++)); do
  memory=$("$gan" bench "$config" --threads "$threads" --iters "$iters" --warmup "$warmup" --sample-iters 0 --data-batches 0 \
      | field images_per_s)
  live=$("$gan" bench "$config" --threads "$threads" --iters "$iters" --warmup "$warmup" --sample-iters 0 --data-batches 0 \
      --live-data | field images_per_s)
  ratio=$(awk -v a="$live" -v b="$memory" 'BEGIN { printf "%.3f", a / b }')
  echo "round $r: in memory images_per_s=$memory from the archive images_per_s=$live ratio=$ratio"
  ratios+=("$ratio")
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print "median ratio archive/memory = " v[int((NR + 1) / 2)] }'
