#!/usr/bin/env bash
# Creates the shop's Secrets in a namespace from secrets.template.yaml, each CHANGE_ME replaced by
# its own random password and GENERATED_RSA_KEY by a new RSA private key (PKCS#8 PEM). Existing
# Secrets are left alone, so running it again changes nothing (and the signing key stays the same).
#
#   k8s/secrets/create-secrets.sh sagashop
set -euo pipefail
namespace="${1:?usage: $0 <namespace>}"
template="$(dirname "$0")/secrets.template.yaml"

fill() {
  while IFS= read -r line; do
    if [[ "$line" =~ ^([[:space:]]*)([A-Za-z0-9_.-]+):\ GENERATED_RSA_KEY$ ]]; then
      printf '%s%s: |\n' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
      openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | sed "s/^/${BASH_REMATCH[1]}  /"
      continue
    fi
    while [[ "$line" == *CHANGE_ME* ]]; do
      line="${line/CHANGE_ME/$(openssl rand -hex 24)}"
    done
    printf '%s\n' "$line"
  done < "$template"
}

kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"
output="$(fill | kubectl create --namespace "$namespace" -f - 2>&1)" || true
printf '%s\n' "$output" | sed 's/^Error from server (AlreadyExists): .*"\(.*\)" already exists$/secret\/\1 kept as it is/'
if printf '%s\n' "$output" | grep -v 'AlreadyExists' | grep -q '^error\|^Error'; then
  exit 1
fi
