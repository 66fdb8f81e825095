#!/usr/bin/env bash
# Side-by-side training throughput of gan4j and the PyTorch DCGAN-28 reference, alternating runs
# (A B A B ...) on the same machine, then the median of the per-round ratios.
# Usage: bench/speed_vs_torch.sh TORCH_SCRIPT [ROUNDS] [THREADS] [-- extra gan bench arguments]
# TORCH_SCRIPT is torch_dcgan28.py (needs Debian's python3-torch); ROUNDS defaults to 3, THREADS to 2.
# Environment: ITERS and WARMUP (timed and untimed steps, default 200 and 20); TORCH_ARGS, more arguments
# for the torch script (bench/torch_penalty_ring.py takes the settings of a toy preset this way).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ $# -ge 1 && $1 != -h && $1 != --help ]] || usage
torch_script="$1"; shift
positional=()
while [[ $# -gt 0 && $1 != -- ]]; do positional+=("$1"); shift; done
[[ ${1:-} == -- ]] && shift
(( ${#positional[@]} <= 2 )) || { echo "speed_vs_torch: unexpected argument ${positional[2]}" >&2; usage; }
rounds="${positional[0]:-3}"; threads="${positional[1]:-2}"; iters="${ITERS:-200}"; warmup="${WARMUP:-20}"
[[ $rounds =~ ^[1-9][0-9]*$ && $threads =~ ^[1-9][0-9]*$ ]] \
  || { echo "speed_vs_torch: ROUNDS and THREADS must be positive integers, found '$rounds' and '$threads'" >&2; exit 2; }
ratios=()
for ((r = 1; r <= rounds; r++)); do
  t=$(OMP_NUM_THREADS=1 /usr/bin/python3 "$torch_script" --iters "$iters" --warmup "$warmup" --threads "$threads" ${TORCH_ARGS:-} \
      | grep -o 'images_per_s=[0-9.]*' | cut -d= -f2 || true)
  [[ -n $t ]] || { echo "speed_vs_torch: $torch_script printed no images_per_s= line" >&2; exit 1; }
  g=$("$root/gan" bench --iters "$iters" --warmup "$warmup" --threads "$threads" --sample-iters 0 "$@" \
      | tail -n 1 | grep -o 'images_per_s=[0-9.]*' | cut -d= -f2 || true)
  [[ -n $g ]] || { echo "speed_vs_torch: gan bench printed no images_per_s= line" >&2; exit 1; }
  ratio=$(awk -v a="$g" -v b="$t" 'BEGIN { printf "%.2f", a / b }')
  echo "round $r: torch images_per_s=$t gan images_per_s=$g ratio=$ratio"
  ratios+=("$ratio")
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print "median ratio gan/torch = " v[int((NR + 1) / 2)] }'
