#!/usr/bin/env bash
# Build the Pulumi CLI and the Kubernetes provider from the Go module proxy into a
# per-version cache dir outside the repo; link the Python policy analyzer wrapper.
# Re-runs reuse cached binaries ("cached").
#
# Usage: build.sh [--print-bin-dir]   (--print-bin-dir: only print the bin dir, build nothing)
# Env:   SAFENOW_ENGINE_CACHE  cache root (default ~/.cache/safenow/pulumi-engine)
#        SAFENOW_SKIP_K8S=1    do not build pulumi-resource-kubernetes (saves ~10 min cold)
# Progress goes to stderr; the LAST line of stdout is the bin dir (add it to PATH).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PATH="/usr/local/go/bin:$PATH"
export GOFLAGS="${GOFLAGS:--p=2} -buildvcs=false"

# Kubernetes provider: upstream tags provider/v4.x.y are NOT served by proxy.golang.org; the only
# version it serves is this pseudo-version (commit f47bc2d6, 2026-01-15, just before v4.25.0).
# Its go.mod carries `replace .../sdk/v4 => ../sdk`, which we drop so sdk/v4 v4.24.0 (what that
# go.mod requires) comes from the proxy instead. See README.md.
k8s_mod=github.com/pulumi/pulumi-kubernetes/provider/v4
k8s_ver=v4.0.0-20260115033456-f47bc2d6f199

log() { echo "pulumi-engine: $*" >&2; }

ver="$(cd "$here" && go list -m -f '{{.Version}}' github.com/pulumi/pulumi/pkg/v3)"
sdk_ver="$(cd "$here" && go list -m -f '{{.Version}}' github.com/pulumi/pulumi/sdk/v3)"
if [[ "$ver" != "$sdk_ver" ]]; then
  log "go.mod pins pkg/v3 $ver but sdk/v3 $sdk_ver; they must match"; exit 1
fi

cache_root="${SAFENOW_ENGINE_CACHE:-$HOME/.cache/safenow/pulumi-engine}"
bin="$cache_root/${ver#v}/bin"
if [[ "${1:-}" == "--print-bin-dir" ]]; then echo "$bin"; exit 0; fi
mkdir -p "$bin"

# cached <name> <stamp>: true if $bin/<name> exists and was built from <stamp>.
cached() {
  [[ -x "$bin/$1" && "$(cat "$bin/.$1.stamp" 2>/dev/null)" == "$2" ]]
}
# install <name> <stamp> <built file>: atomic move into the bin dir + stamp.
install_bin() {
  mv -f "$3" "$bin/$1"
  echo "$2" > "$bin/.$1.stamp"
}

# --- Pulumi CLI --------------------------------------------------------------
cli_pkg=github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
if cached pulumi "$cli_pkg@$ver"; then
  log "pulumi: cached ($bin/pulumi)"
else
  log "pulumi: building $cli_pkg@$ver ..."
  t0=$SECONDS
  (cd "$here" && go build -mod=readonly -trimpath -o "$bin/.pulumi.tmp" \
     -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$ver" "$cli_pkg")
  install_bin pulumi "$cli_pkg@$ver" "$bin/.pulumi.tmp"
  log "pulumi: built in $((SECONDS - t0))s"
fi

# --- Policy analyzer for `runtime: python` packs -------------------------------
ln -sfn "$here/pulumi-analyzer-policy-python" "$bin/pulumi-analyzer-policy-python"

# --- Kubernetes provider -----------------------------------------------------
if [[ "${SAFENOW_SKIP_K8S:-}" == 1 ]]; then
  log "pulumi-resource-kubernetes: skipped (SAFENOW_SKIP_K8S=1)"
elif cached pulumi-resource-kubernetes "$k8s_mod@$k8s_ver"; then
  log "pulumi-resource-kubernetes: cached ($bin/pulumi-resource-kubernetes)"
else
  log "pulumi-resource-kubernetes: building $k8s_mod@$k8s_ver ..."
  t0=$SECONDS
  # Scratch copy of the (checksum-verified) module outside the repo: the module zip lacks the
  # generated schema-embed.json / terraform-mapping-embed.json that main.go //go:embed-s, so we
  # run upstream's own generator (cmd/pulumi-resource-kubernetes/generate.go) on schema.json.
  src="$cache_root/src/pulumi-kubernetes-provider@$k8s_ver"
  modjson="$(cd "$cache_root" && go mod download -json "$k8s_mod@$k8s_ver")"
  moddir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$modjson")"
  [[ -d "$moddir" ]] || { log "go mod download $k8s_mod@$k8s_ver failed: $modjson"; exit 1; }
  rm -rf "$src"; mkdir -p "$(dirname "$src")"
  cp -R "$moddir" "$src"; chmod -R u+w "$src"
  (
    cd "$src"
    go mod edit -dropreplace=github.com/pulumi/pulumi-kubernetes/sdk/v4
    go mod download github.com/pulumi/pulumi-kubernetes/sdk/v4   # adds its go.sum lines
    (cd cmd/pulumi-resource-kubernetes && VERSION="${k8s_ver#v}" go run ./generate.go)
    go build -trimpath -o "$bin/.pulumi-resource-kubernetes.tmp" \
      -ldflags "-s -w -X $k8s_mod/pkg/version.Version=${k8s_ver#v}" ./cmd/pulumi-resource-kubernetes
  )
  install_bin pulumi-resource-kubernetes "$k8s_mod@$k8s_ver" "$bin/.pulumi-resource-kubernetes.tmp"
  log "pulumi-resource-kubernetes: built in $((SECONDS - t0))s"
fi

echo "$bin"
