# Shared by the bench scripts: source it.

# The best wall-clock time of 3 runs of a command, in seconds. Exit code 1 counts as a run (check
# and rg use it for "found something"/"found nothing"); anything else stops the bench.
best() {
  local b=
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null || [ $? -eq 1 ]; e=$(date +%s.%N)
    b=$(python3 -c "import sys; t=float(sys.argv[2])-float(sys.argv[1]); b=sys.argv[3]; print(t if not b or t < float(b) else b)" "$s" "$e" "$b")
  done
  echo "$b"
}
