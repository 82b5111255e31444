#!/usr/bin/env bash
# Offline checks for the Salesforce package (no org needed):
#   1. every Apex class and trigger parses (prettier-plugin-apex) and is formatted;
#   2. the source converts to Metadata API format and contains every component the package ships;
#   3. no SOQL is built by concatenating strings, every @AuraEnabled class is `with sharing`,
#      and the Lightning components only call Apex methods that exist and are @AuraEnabled.
# Apex is not compiled and Apex tests do not run here: that needs an org.
set -euo pipefail

cd "$(dirname "$0")/.."
SOURCE=force-app/main/default
CLASSES=$SOURCE/classes
LWC=$SOURCE/lwc

failures=0
fail() {
  echo "  FAIL: $*" >&2
  failures=$((failures + 1))
}
step() {
  echo "== $*"
}

step "Apex parses and is formatted (prettier)"
npx --no-install prettier --check "force-app/**/*.{cls,trigger}" || fail "prettier --check (run: npx prettier --write \"force-app/**/*.{cls,trigger}\")"

step "Source converts to Metadata API format"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# sf keeps state and logs under $HOME; a throwaway HOME keeps the check from touching the real one.
mkdir -p "$work/home"
if HOME="$work/home" \
  SF_DISABLE_AUTOUPDATE=true SF_AUTOUPDATE_DISABLE=true SF_SKIP_NEW_VERSION_CHECK=true \
  SF_DISABLE_TELEMETRY=true SFDX_DISABLE_TELEMETRY=true npm_config_update_notifier=false \
  npx --no-install sf project convert source --root-dir force-app --output-dir "$work/mdapi" >"$work/convert.log" 2>&1; then
  grep -v '^npm ' "$work/convert.log" | tail -n 1
else
  cat "$work/convert.log" >&2
  fail "sf project convert source"
fi

package="$work/mdapi/package.xml"
# Prints the members of one metadata type, one per line.
members() {
  perl -0777 -ne 'while (/<types>(.*?)<\/types>/sg) { my $t = $1; next unless $t =~ /<name>\Q'"$1"'\E<\/name>/; print "$1\n" while $t =~ /<members>([^<]+)<\/members>/g }' "$package"
}
expect() {
  local type=$1 member=$2
  members "$type" | grep -qxF "$member" || fail "package.xml has no $type $member"
}

if [[ -f $package ]]; then
  for controller in BillomatAccessController BillomatMappingController BillomatPushController BillomatSendController; do
    expect ApexClass "$controller"
  done
  for class in BillomatPushBatch BillomatResultCollector BillomatWriteBack BillomatServiceClient BillomatServiceMock; do
    expect ApexClass "$class"
  done
  for object in Account Contact; do
    for field in Billomat_Client_Id__c Billomat_Customer_Number__c Billomat_Sync_Status__c Billomat_Last_Sync__c Billomat_Last_Error__c; do
      expect CustomField "$object.$field"
    done
  done
  expect CustomObject Billomat_Export_Settings__c
  expect CustomField Billomat_Export_Settings__c.Results_Cursor__c
  expect NamedCredential Billomat_Export_Service
  expect ExternalCredential Billomat_Export_Service
  expect PermissionSet Billomat_Export_Admin
  expect PermissionSet Billomat_Export_Sales_Rep
  expect CustomTab Billomat_Export
  expect CustomApplication Billomat_Export
  expect QuickAction Account.Send_to_Billomat
  expect LightningComponentBundle billomatAdminApp
  expect LightningComponentBundle billomatSendAccount
  for class in "$CLASSES"/*.cls; do
    name=$(basename "$class" .cls)
    members ApexClass | grep -qxF "$name" || fail "$name.cls is missing from package.xml (no -meta.xml?)"
  done
  if find "$work/mdapi" -path '*__tests__*' | grep -q .; then
    fail "Jest tests were converted; .forceignore must exclude **/__tests__/**"
  fi
  if [[ -n $(find "$work/mdapi" -name '*.layout') ]]; then
    fail "a page layout is in the package; placing the quick action is an admin step"
  fi
fi

step "No SOQL built by concatenation"
# A dynamic query call whose statement (up to the next ';') contains '+' outside string literals.
concatenated=$(perl -0777 -ne '
  s{/\*.*?\*/}{}gs; s{//[^\n]*}{}g; s{'"'"'(?:\\.|[^'"'"'\\])*'"'"'}{""}g;
  while (/(Database\.(?:query|queryWithBinds|countQuery|countQueryWithBinds|getQueryLocator|getQueryLocatorWithBinds)\s*\([^;]*;)/g) {
    my $call = $1; if ($call =~ /\+/) { $call =~ s/\s+/ /g; print "$ARGV: $call\n" }
  }' "$CLASSES"/*.cls)
if [[ -n $concatenated ]]; then
  echo "$concatenated" >&2
  fail "build query text in BillomatRecordSource.soql from describe-checked names; pass values as binds"
fi

step "Every @AuraEnabled class is 'with sharing'"
for class in $(grep -l '@AuraEnabled' "$CLASSES"/*.cls); do
  declaration=$(perl -0777 -ne 's{/\*.*?\*/}{}gs; s{//[^\n]*}{}g; print $1 if /^\s*((?:public|global)[^{]*?\bclass\b[^{]*)\{/m' "$class")
  [[ $declaration == *"with sharing"* ]] || fail "$(basename "$class"): '$declaration' is not 'with sharing'"
done

step "Lightning components call existing @AuraEnabled methods"
if [[ -d $LWC ]]; then
  imports=$(grep -rhoE "@salesforce/apex/[A-Za-z0-9_]+\.[A-Za-z0-9_]+" "$LWC" --include='*.js' --exclude-dir=__tests__ | sort -u || true)
  for import in $imports; do
    target=${import#@salesforce/apex/}
    class=${target%%.*}
    method=${target#*.}
    file="$CLASSES/$class.cls"
    if [[ ! -f $file ]]; then
      fail "$import: there is no class $class"
    elif ! perl -0777 -ne 'exit(/\@AuraEnabled(?:\s*\([^)]*\))?\s+(?:public|global)\s+static\s+[\w<>, .]+?\s+'"$method"'\s*\(/ ? 0 : 1)' "$file"; then
      fail "$import: $class has no @AuraEnabled static method $method"
    fi
  done
  grep -q '<target>lightning__Tab</target>' "$LWC/billomatAdminApp/billomatAdminApp.js-meta.xml" 2>/dev/null ||
    fail "billomatAdminApp must target lightning__Tab for the Billomat_Export tab"
  grep -q '<target>lightning__RecordAction</target>' "$LWC/billomatSendAccount/billomatSendAccount.js-meta.xml" 2>/dev/null ||
    fail "billomatSendAccount must target lightning__RecordAction for the Send_to_Billomat quick action"
fi

if ((failures > 0)); then
  echo "$failures check(s) failed." >&2
  exit 1
fi
echo "All Salesforce checks passed."
