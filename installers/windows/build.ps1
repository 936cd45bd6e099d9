# Builds Keyport's .msi on Windows from app\target\keyport.jar (NOT RUN HERE: see installers\README.md).
# The same options as Linux from installers\app-image.jpackage and installers\common.jpackage.
# Needs: JDK 17+ for Windows and the WiX Toolset 3 (candle.exe, light.exe) on the PATH.
# The class-data-sharing archive is not made on Windows yet (the launcher starts without it: -Xshare:auto).
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')
$jar = 'app\target\keyport.jar'
if (-not (Test-Path $jar)) { throw "$jar is missing; run: mvn -B -ntp -q -DskipTests package" }
Add-Type -AssemblyName System.IO.Compression.FileSystem
$zip = [System.IO.Compression.ZipFile]::OpenRead((Resolve-Path $jar))
$reader = New-Object System.IO.StreamReader(($zip.Entries | Where-Object FullName -eq 'dev/keyport/app/version.properties').Open())
$version = (($reader.ReadToEnd() -split "`n" | Where-Object { $_ -like 'version=*' }) -replace 'version=', '' -replace '-.*', '').Trim()
$reader.Close(); $zip.Dispose()
$out = 'installers\target'
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory "$out\input" | Out-Null
Copy-Item $jar "$out\input\"
$modules = (Get-Content installers\modules.txt | Where-Object { $_ -notmatch '^\s*(#|$)' } | ForEach-Object { $_.Trim() }) -join ','
$needed = (& jdeps --ignore-missing-deps --print-module-deps --multi-release 17 -q $jar).Trim() -split ','
foreach ($m in $needed) { if (-not (",$modules," -like "*,$m,*")) { throw "jdeps says the jar needs $m, which installers\modules.txt lacks" } }
& jlink --add-modules $modules --strip-debug --no-header-files --no-man-pages --output "$out\runtime"
if ($LASTEXITCODE -ne 0) { throw 'jlink failed' }
& jpackage '@installers/app-image.jpackage' --type app-image --app-version $version --input "$out\input" `
  --runtime-image "$out\runtime" --icon icons\keyport.ico --dest "$out\image" --win-console
if ($LASTEXITCODE -ne 0) { throw 'jpackage app-image failed' }
& jpackage '@installers/common.jpackage' --type msi --app-version $version --app-image "$out\image\keyport" `
  --win-menu --win-menu-group Keyport --win-shortcut --win-dir-chooser --win-per-user-install `
  --win-upgrade-uuid 6f1c2a4e-3b7d-4c58-9a0e-5d2b8e7f4a11 --dest $out
if ($LASTEXITCODE -ne 0) { throw 'jpackage msi failed' }
Get-ChildItem "$out\*.msi"
