# Source me:  source tools/pulumi-engine/env.sh <work-dir>
# Offline, hermetic Pulumi environment: local file backend + PULUMI_HOME under <work-dir>,
# no update checks, no plugin downloads, no kubeconfig; the built engine first on PATH.
# Run tools/pulumi-engine/build.sh once first (env.sh never builds).
_pe_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
_pe_work="${1:?usage: source env.sh <work-dir>}"
mkdir -p "$_pe_work/state" "$_pe_work/home"
_pe_work="$(cd "$_pe_work" && pwd)"
_pe_bin="$("$_pe_here/build.sh" --print-bin-dir)"
[ -x "$_pe_bin/pulumi" ] || echo "env.sh: $_pe_bin/pulumi missing; run $_pe_here/build.sh" >&2
export PULUMI_BACKEND_URL="file://$_pe_work/state"
export PULUMI_HOME="$_pe_work/home"
export PULUMI_CONFIG_PASSPHRASE=test
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
unset KUBECONFIG PULUMI_IGNORE_AMBIENT_PLUGINS PULUMI_ACCESS_TOKEN
case ":$PATH:" in *":$_pe_bin:"*) ;; *) export PATH="$_pe_bin:$PATH" ;; esac
unset _pe_here _pe_work _pe_bin
