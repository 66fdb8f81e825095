#!/usr/bin/env bash
# Seed sweeps on the 2-D mode-coverage benchmarks of PacGAN (Lin et al. 2018): toy-grid (25 Gaussians,
# std 0.05) and toy-ring (8 Gaussians, std 0.01). Run from the repository root; needs only bash and awk.
#
#   bench/toy_sweep.sh [options] CONFIG [--set PATH=VALUE]...
#       trains and evaluates CONFIG (a preset name or an experiment JSON) once per seed, prints one TSV
#       row per seed and a summary line: seeds meeting the target, mean and std of modes and HQ%.
#   bench/toy_sweep.sh table [options] [--set PATH=VALUE]...
#       the loss x regulariser table: losses {minimax, non-saturating, least-squares, hinge, wasserstein,
#       error-driven} x regularisers {none, sn, r1, wgan-gp, dragan} (wasserstein with none means weight
#       clipping at 0.01; sn is spectral normalization of every D layer, without clipping; error-driven
#       takes no penalty, so its penalty cells are n/a), N seeds each, on toy-grid and toy-ring (or
#       --configs), printed as a markdown table of mean +- std of modes captured and HQ%.
#       --set overrides apply before the strategy is replaced. With --log, runs already logged there
#       (same label, seed and overrides) are reused, so an interrupted table resumes where it stopped.
#   bench/toy_sweep.sh report [--losses "A B"] [--regs "A B"] FILE...
#       the table from rows logged by earlier table runs, whatever seeds they hold.
#
# Options:
#   -n N                seeds 1..N (default 10; 3 for table)
#   --first-seed S      start at seed S instead of 1
#   --runs DIR          parent of the run directories (default runs/toy-sweep); each run gets a fresh one
#   --label TEXT        name of the sweep in the rows and the summary (default: the config name)
#   --log FILE          also append the rows to FILE; rows already there are reused, failed ones rerun
#   --samples N         samples for the evaluation (default 2500, PacGAN's count)
#   --min-hq F          HQ share a seed needs (default: 0.90 for grid configs, 0.95 for ring ones, 0.90 else)
#   --min-seeds K       seeds that must meet the target for the sweep to pass (default: 8 of 10 for grid,
#                       9 of 10 for ring, scaled to -n and rounded up)
#   --configs "A B"     table only: the configs (default "toy-grid toy-ring")
#   --losses "A B"      table only: the losses (default all six, in the order above)
#   --regs "A B"        table only: the regularisers (default "none sn r1 wgan-gp dragan")
#   --r1 W --gp W --dragan W   table only: penalty weights (defaults 0.1, 10, 10)
#   --every K           table only: apply the penalties lazily, every K-th D update (default 1)
#   --keep              keep the run directories (default: delete each after its evaluation)
# A seed meets the target when every mode is captured (the count the real data reaches) and its HQ share
# is at least --min-hq. The exit status is 0 when the sweep passes (always 0 for table).
# GAN (the launcher, default ./gan) and OMP_NUM_THREADS (default 1) are taken from the environment.
set -euo pipefail

GAN=${GAN:-./gan}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
mode=sweep
if [[ ${1:-} == table || ${1:-} == report ]]; then mode=$1; shift; fi
seeds=""; first=1; runs=runs/toy-sweep; label=""; log=""; samples=2500; min_hq=""; min_seeds=""; keep=0
configs="toy-grid toy-ring"; losses="minimax non-saturating least-squares hinge wasserstein error-driven"; regs="none sn r1 wgan-gp dragan"
w_r1=0.1; w_gp=10; w_dragan=10; every=1
config=""; sets=(); files=()
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    -n|--first-seed|--runs|--label|--log|--samples|--min-hq|--min-seeds|--configs|--losses|--regs|--r1|--gp|--dragan|--every|--set)
      [[ $# -ge 2 ]] || { echo "toy_sweep: $1 needs a value" >&2; usage; } ;;
  esac
  case $1 in
    -n) seeds=$2; shift 2 ;;
    --first-seed) first=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --log) log=$2; shift 2 ;;
    --samples) samples=$2; shift 2 ;;
    --min-hq) min_hq=$2; shift 2 ;;
    --min-seeds) min_seeds=$2; shift 2 ;;
    --configs) configs=$2; shift 2 ;;
    --losses) losses=$2; shift 2 ;;
    --regs) regs=$2; shift 2 ;;
    --r1) w_r1=$2; shift 2 ;;
    --gp) w_gp=$2; shift 2 ;;
    --dragan) w_dragan=$2; shift 2 ;;
    --every) every=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --set) sets+=("$2"); shift 2 ;;
    --set=*) sets+=("${1#--set=}"); shift ;;
    -h|--help) usage ;;
    -*) echo "toy_sweep: unknown option $1" >&2; usage ;;
    *) if [[ $mode == report ]]; then files+=("$1"); shift; continue; fi
       [[ -z $config && $mode == sweep ]] || { echo "toy_sweep: unexpected argument $1" >&2; usage; }; config=$1; shift ;;
  esac
done
for option in "-n=$seeds" "--samples=$samples" "--every=$every" "--min-seeds=$min_seeds"; do
  value=${option#*=}
  [[ -z $value || $value =~ ^[1-9][0-9]*$ ]] || { echo "toy_sweep: ${option%%=*} must be a positive integer, found '$value'" >&2; exit 2; }
done
[[ $first =~ ^[0-9]+$ ]] || { echo "toy_sweep: --first-seed must be a whole number, found '$first'" >&2; exit 2; }

# One seed: train, evaluate, print "seed modes floor hq kl seconds".
run_seed() { # config seed dir overrides...
  local cfg=$1 seed=$2 dir=$3; shift 3
  local args=() s
  for s in "$@"; do args+=(--set "$s"); done
  rm -rf "$dir"; mkdir -p "$(dirname "$dir")"
  local t0=$SECONDS
  if ! "$GAN" train "$cfg" --run-dir "$dir" "${args[@]}" --set "seed=$seed" >"$dir.train.log" 2>&1; then
    echo "toy_sweep: training failed, see $dir.train.log" >&2
    printf '%s\tNaN\tNaN\tNaN\tNaN\t%d\n' "$seed" $((SECONDS - t0)); return
  fi
  local secs=$((SECONDS - t0))
  "$GAN" evaluate "$dir" --metrics modes --n "$samples" >"$dir.eval.log" 2>&1 || true
  awk -v seed="$seed" -v secs="$secs" -F'[= ]' '
    /^modes_captured=/ {m=$2; f=$4} /^high_quality=/ {h=$2} /^mode_kl=/ {k=$2}
    END {if (m == "") {m = "NaN"; f = "NaN"; h = "NaN"; k = "NaN"}; printf "%s\t%s\t%s\t%s\t%s\t%s\n", seed, m, f, h, k, secs}' "$dir.eval.log"
  if [[ $keep == 0 ]]; then rm -rf "$dir"; fi
}

# Target of a config: "min_hq min_seeds" for n seeds.
target() { # config n
  local hq=${min_hq} ks=${min_seeds}
  case $1 in
    *ring*) hq=${hq:-0.95}; ks=${ks:-$(( (9 * $2 + 9) / 10 ))} ;;
    *) hq=${hq:-0.90}; ks=${ks:-$(( (8 * $2 + 9) / 10 ))} ;;
  esac
  echo "$hq $ks"
}

# The row already logged for (label, seed, overrides), if any and not failed, with "met" judged by the HQ
# share given. A log holds one protocol: rows do not record --samples.
logged_row() { # label seed overrides min_hq
  [[ -n $log && -f $log ]] || return 0
  awk -F'\t' -v lab="$1" -v seed="$2" -v ov="$3" -v hq="$4" 'BEGIN {OFS = "\t"}
    $1 == lab && $3 == seed && $10 == ov && $4 != "NaN" {$9 = ($4 + 0 >= $5 + 0 && $6 / 100 >= hq) ? 1 : 0; print; exit}' "$log"
}

# Seeds of one config: TSV rows on stdout (and the log), then the summary; returns the summary fields
# "met n mean_modes std_modes mean_hq std_hq floor" in the file $3. Rows already in the log are reused.
sweep() { # config label summary_file overrides...
  local cfg=$1 lab=$2 out=$3; shift 3
  local n=${seeds:-10} hq ks seed row rows=""
  read -r hq ks < <(target "$cfg" "$n")
  for ((seed = first; seed < first + n; seed++)); do
    row=$(logged_row "$lab" "$seed" "$*" "$hq")
    if [[ -z $row ]]; then
      row=$(run_seed "$cfg" "$seed" "$runs/${lab//[^A-Za-z0-9._-]/_}-s$seed" "$@")
      row=$(awk -F'\t' -v hq="$hq" -v lab="$lab" -v cfg="$cfg" -v ov="$*" 'BEGIN {OFS = "\t"}
        {met = ($2 != "NaN" && $2 + 0 >= $3 + 0 && $4 + 0 >= hq) ? 1 : 0
         print lab, cfg, $1, ($2 == "NaN" ? $2 : $2 + 0), ($3 == "NaN" ? $3 : $3 + 0), ($4 == "NaN" ? $4 : sprintf("%.2f", 100 * $4)), $5, $6, met, ov}' <<<"$row")
      [[ -z $log ]] || echo "$row" >>"$log"
    fi
    echo "$row"
    rows+="$row"$'\n'
  done
  printf '%s' "$rows" | awk -F'\t' -v lab="$lab" -v cfg="$cfg" -v hq="$hq" -v ks="$ks" -v out="$out" '
    $4 == "NaN" {failed++; next}
    {n++; met += $9; m += $4; mm += $4 * $4; h += $6; hh += $6 * $6; floor = $5}
    END {
      if (n == 0) {printf "# summary\t%s\t%s\tall %d runs failed\n", lab, cfg, failed; printf "0 0 NaN NaN NaN NaN NaN\n" > out; exit}
      mm = mm / n - (m / n) ^ 2; hh = hh / n - (h / n) ^ 2
      sm = n > 1 ? sqrt((mm > 0 ? mm : 0) * n / (n - 1)) : 0; sh = n > 1 ? sqrt((hh > 0 ? hh : 0) * n / (n - 1)) : 0
      printf "# summary\t%s\t%s\tseeds=%d\tmet=%d/%d (need %d, modes=%s and HQ>=%g%%)\tmodes=%.2f+-%.2f\tHQ%%=%.1f+-%.1f\t%s%s\n",
        lab, cfg, n, met, n, ks, floor, 100 * hq, m / n, sm, h / n, sh, (met >= ks ? "PASS" : "FAIL"), (failed ? "\t" failed " failed runs" : "")
      printf "%d %d %.2f %.2f %.1f %.1f %s\n", met, n, m / n, sm, h / n, sh, floor > out
    }'
}

# The loss x regulariser table as markdown, from table rows (labels CONFIG-LOSS-REG): per cell the mean
# +- sample std of modes captured and HQ%, and the seeds meeting the target. A seed logged twice counts
# once (its first successful row); failed runs are counted apart.
report() { # files...
  awk -F'\t' -v losses="$losses" -v regs="$regs" '
    BEGIN {nl = split(losses, L, " "); nr = split(regs, R, " ")}
    /^#/ || NF < 9 {next}
    {
      cfg = $2; sub(/.*\//, "", cfg); sub(/\.json$/, "", cfg)
      if (index($1, cfg "-") != 1) next
      rest = substr($1, length(cfg) + 2); reg = ""
      for (i = 1; i <= nr; i++) if (substr(rest, length(rest) - length(R[i])) == "-" R[i]) reg = R[i]
      if (reg == "") next
      loss = substr(rest, 1, length(rest) - length(reg) - 1); key = cfg SUBSEP loss SUBSEP reg
      if (!(key in protocol)) protocol[key] = $10
      else if (protocol[key] != $10) {
        if (!((key, $10) in warned)) printf "toy_sweep: %s also has rows with other overrides (%s); reporting those of %s\n", $1, $10, protocol[key] > "/dev/stderr"
        warned[key, $10] = 1; next
      }
      if (!(cfg in seen)) {seen[cfg] = 1; order[++nc] = cfg}
      if ($4 == "NaN") {if (!((key, $3) in done)) failed[key, $3] = 1; next}
      if ((key, $3) in done) next
      done[key, $3] = 1; delete failed[key, $3]
      n[key]++; met[key] += $9; m[key] += $4; mm[key] += $4 * $4; h[key] += $6; hh[key] += $6 * $6; of[cfg] = $5
    }
    function sd(s, ss, k) {v = ss / k - (s / k) ^ 2; return k > 1 ? sqrt((v > 0 ? v : 0) * k / (k - 1)) : 0}
    END {
      for (f in failed) {split(f, p, SUBSEP); nf[p[1] SUBSEP p[2] SUBSEP p[3]]++}
      for (c = 1; c <= nc; c++) {
        cfg = order[c]
        printf "\n**%s** (modes of %s; HQ%%; seeds meeting the target)\n\n| loss |", cfg, of[cfg]
        for (j = 1; j <= nr; j++) printf " %s |", R[j]
        printf "\n|---|"; for (j = 1; j <= nr; j++) printf "---|"; printf "\n"
        for (i = 1; i <= nl; i++) {
          printf "| %s |", L[i]
          for (j = 1; j <= nr; j++) {
            key = cfg SUBSEP L[i] SUBSEP R[j]; k = n[key]
            if (L[i] == "error-driven" && R[j] != "none" && R[j] != "sn") {printf " n/a |"; continue}
            if (k == 0) {printf " %s |", (key in nf) ? nf[key] " failed" : "-"; continue}
            printf " %.1f +- %.1f; %.1f +- %.1f%%; %d/%d%s |", m[key] / k, sd(m[key], mm[key], k),
              h[key] / k, sd(h[key], hh[key], k), met[key], k, (key in nf) ? "; " nf[key] " failed" : ""
          }
          printf "\n"
        }
      }
    }' "$@"
}

header=$'# label\tconfig\tseed\tmodes\tof\thq_pct\tmode_kl\ttrain_s\tmet\toverrides'
if [[ $mode == report ]]; then
  [[ ${#files[@]} -gt 0 ]] || usage
  report "${files[@]}"
  exit
fi
if [[ $mode == sweep ]]; then
  [[ -n $config ]] || usage
  lab=${label:-$(basename "$config" .json)}
  tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
  echo "$header"
  sweep "$config" "$lab" "$tmp" "${sets[@]+"${sets[@]}"}"
  read -r met _ <"$tmp"
  read -r _ ks < <(target "$config" "${seeds:-10}")
  [[ $met -ge $ks ]]
  exit
fi

# The table.
seeds=${seeds:-3}
overrides() { # loss reg: one --set value per line
  local p=""
  case $2 in
    none|sn) p="" ;;
    r1) p=",\"penalty\":{\"type\":\"r1\",\"weight\":$w_r1,\"every\":$every}" ;;
    wgan-gp) p=",\"penalty\":{\"type\":\"wgan-gp\",\"weight\":$w_gp,\"every\":$every}" ;;
    dragan) p=",\"penalty\":{\"type\":\"dragan\",\"weight\":$w_dragan,\"every\":$every}" ;;
  esac
  if [[ $2 == sn && $1 == wasserstein ]]; then p=",\"weightClip\":0"; fi
  echo "strategy={\"type\":\"$1\"$p}"
  if [[ $2 == sn ]]; then echo "discriminator.spectralNorm=true"; fi
}
for reg in $regs; do
  case $reg in none|sn|r1|wgan-gp|dragan) ;; *) echo "toy_sweep: unknown regulariser $reg (valid: none sn r1 wgan-gp dragan)" >&2; exit 2 ;; esac
done
for loss in $losses; do
  case $loss in minimax|non-saturating|least-squares|hinge|wasserstein|error-driven) ;;
    *) echo "toy_sweep: unknown loss $loss (valid: minimax non-saturating least-squares hinge wasserstein error-driven)" >&2; exit 2 ;; esac
done
# error-driven updates D or G by D's judgement and takes no gradient penalty.
applies() { [[ $1 != error-driven || $2 == none || $2 == sn ]]; }
rows=$(mktemp); tmp=$(mktemp); trap 'rm -f "$tmp" "$rows"' EXIT
echo "$header"
for cfg in $configs; do
  for loss in $losses; do
    for reg in $regs; do
      applies "$loss" "$reg" || continue
      mapfile -t cell < <(overrides "$loss" "$reg")
      sweep "$cfg" "$(basename "$cfg" .json)-$loss-$reg" "$tmp" "${sets[@]+"${sets[@]}"}" "${cell[@]}" | tee -a "$rows"
    done
  done
done
echo
echo "Modes captured and high-quality samples (mean +- std over $seeds seeds, $samples samples each)."
echo "Overrides: ${sets[*]+"${sets[*]}"}; penalty weights r1 $w_r1, wgan-gp $w_gp, dragan $w_dragan (every $every D updates);"
echo "wasserstein + none = weight clipping 0.01; sn = spectral normalization of every D layer (wasserstein + sn: no clipping)."
report "$rows"
