#!/usr/bin/env bash
# Build the Pulumi CLI (and the plugins we can build) from the Go module proxy
# into a per-version cache dir outside the repo. Re-runs reuse cached binaries.
# Progress goes to stderr; the LAST line of stdout is the bin dir (add it to PATH).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PATH="/usr/local/go/bin:$PATH"
export GOFLAGS="${GOFLAGS:--p=2}"
[[ "$GOFLAGS" == *-mod=* ]] || GOFLAGS="$GOFLAGS -mod=readonly"

log() { echo "pulumi-engine: $*" >&2; }

cli_pkg=github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
ver="$(cd "$here" && go list -m -f '{{.Version}}' github.com/pulumi/pulumi/pkg/v3)"
sdk_ver="$(cd "$here" && go list -m -f '{{.Version}}' github.com/pulumi/pulumi/sdk/v3)"
if [[ "$ver" != "$sdk_ver" ]]; then
  log "go.mod pins pkg/v3 $ver but sdk/v3 $sdk_ver; they must match"; exit 1
fi

cache_root="${SAFENOW_ENGINE_CACHE:-$HOME/.cache/safenow/pulumi-engine}"
bin="$cache_root/${ver#v}/bin"
mkdir -p "$bin"

# build <output name> <package> [go build args...]: atomic (tmp + mv), skipped if present.
build() {
  local name="$1" pkg="$2"; shift 2
  if [[ -x "$bin/$name" ]]; then log "$name: cached ($bin/$name)"; return 0; fi
  log "$name: building $pkg ..."
  local t0=$SECONDS
  (cd "$here" && go build -trimpath "$@" -o "$bin/.$name.tmp" "$pkg")
  mv -f "$bin/.$name.tmp" "$bin/$name"
  log "$name: built in $((SECONDS - t0))s"
}

build pulumi "$cli_pkg" -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$ver"

# Policy analyzer for `runtime: python` packs: a wrapper around `python -m pulumi.policy`.
ln -sfn "$here/pulumi-analyzer-policy-python" "$bin/pulumi-analyzer-policy-python"

echo "$bin"
