<#
.SYNOPSIS
    Builds kakanai for Windows: the one-folder bundle (dist\kakanai) and the installer
    (dist\installer\kakanai-setup-<version>.exe).

.DESCRIPTION
    Run on a Windows 10/11 x64 PC with Python 3.11+ (python.org, 64-bit) and Inno Setup 6.3+.
    PyInstaller cannot cross-build, so this is the only way to get the .exe.

      1. creates a fresh virtual environment .venv-build in the project folder
      2. pip installs the project (and PyInstaller) from PyPI, or offline from -Wheelhouse
      3. pyinstaller build.spec                         -> dist\kakanai\kakanai.exe, kakanai-cli.exe
      4. dist\kakanai\kakanai-cli.exe --selftest        (offscreen; must exit 0)
      5. ISCC /DAppVersion=<version> packaging\windows\kakanai.iss

    Stops at the first failing step with a non-zero exit code. See docs\packaging.md.

.PARAMETER Python
    The Python to build with (default: "py -3.11" launcher if present, else python.exe on PATH).

.PARAMETER Wheelhouse
    A folder of wheels for an offline build (pip install --no-index --find-links). Make it on a
    PC with internet access and the same Python version:
        py -3.11 -m pip wheel -w wheelhouse . "pyinstaller>=6.5" numpy "openpyxl>=3.1"

.PARAMETER Iscc
    Path of ISCC.exe (default: Inno Setup 6 in Program Files, or ISCC on PATH).

.PARAMETER SkipInstaller
    Build and self-test the bundle only.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
.EXAMPLE
    powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 -Wheelhouse D:\wheelhouse
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [string]$Wheelhouse = "",
    [string]$Iscc = "",
    [switch]$SkipInstaller
)

$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$Venv = Join-Path $Root ".venv-build"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
$Dist = Join-Path $Root "dist\kakanai"

function Invoke-Step {
    <# Runs a native command; throws when it exits non-zero. #>
    param([string]$What, [string]$Exe, [string[]]$Arguments)
    Write-Host "==> $What" -ForegroundColor Cyan
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

function Get-BasePython {
    <# The interpreter that creates the venv, as an array: executable then arguments. #>
    if ($Python) { return ,($Python -split " ") }
    if (Get-Command py -ErrorAction SilentlyContinue) { return ,@("py", "-3.11") }
    if (Get-Command python -ErrorAction SilentlyContinue) { return ,@("python") }
    throw "Python 3.11+ not found: install it from python.org (64-bit) or pass -Python"
}

function New-BuildVenv {
    <# A fresh venv, so the bundle holds only what the project declares. #>
    if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
    $base = Get-BasePython
    $rest = @()
    if ($base.Count -gt 1) { $rest = $base[1..($base.Count - 1)] }
    Invoke-Step "create $Venv" $base[0] ($rest + @("-m", "venv", $Venv))
}

function Install-Project {
    <# The project (its runtime dependencies, numpy, openpyxl and pyscard among them, come from
       pyproject.toml; PySide6 is pinned there to 6.11.3) and PyInstaller. #>
    $source = @()
    if ($Wheelhouse) { $source = @("--no-index", "--find-links", $Wheelhouse) }
    if (-not $Wheelhouse) {
        Invoke-Step "upgrade pip" $VenvPython @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
    }
    Invoke-Step "pip install . pyinstaller" $VenvPython (@("-m", "pip", "install", "--quiet") + $source +
        @($Root, "pyinstaller>=6.5", "numpy", "openpyxl>=3.1"))
}

function Get-ProjectVersion {
    <# The version in pyproject.toml. #>
    $code = "import tomllib; print(tomllib.load(open(r'$Root\pyproject.toml', 'rb'))['project']['version'])"
    $version = & $VenvPython -c $code
    if ($LASTEXITCODE -ne 0 -or -not $version) { throw "could not read the version from pyproject.toml" }
    return $version.Trim()
}

function Build-Bundle {
    <# PyInstaller with build.spec into dist\kakanai. #>
    Push-Location $Root
    try {
        Invoke-Step "pyinstaller build.spec" $VenvPython @("-m", "PyInstaller", "--noconfirm", "--clean",
            "--distpath", (Join-Path $Root "dist"), "--workpath", (Join-Path $Root "build"), "build.spec")
    } finally { Pop-Location }
}

function Test-Bundle {
    <# The bundle's own self-test, offscreen, from a folder outside the checkout. #>
    $scratch = Join-Path ([System.IO.Path]::GetTempPath()) ("kakanai-selftest-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $scratch | Out-Null
    $env:QT_QPA_PLATFORM = "offscreen"
    Push-Location $scratch
    try {
        Invoke-Step "kakanai-cli.exe --selftest" (Join-Path $Dist "kakanai-cli.exe") @("--selftest")
        Invoke-Step "kakanai-cli.exe forms check" (Join-Path $Dist "kakanai-cli.exe") @("forms", "check")
    } finally {
        Pop-Location
        Remove-Item Env:\QT_QPA_PLATFORM
        Remove-Item -Recurse -Force $scratch -ErrorAction SilentlyContinue
    }
}

function Find-Iscc {
    <# ISCC.exe of Inno Setup 6. #>
    if ($Iscc) { return $Iscc }
    $candidates = @(
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    )
    foreach ($path in $candidates) { if (Test-Path $path) { return $path } }
    $onPath = Get-Command ISCC.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    throw "ISCC.exe (Inno Setup 6.3+) not found: install Inno Setup or pass -Iscc"
}

function Get-SizeMB {
    <# Total size of a file or folder in MB. #>
    param([string]$Path)
    $sum = (Get-ChildItem -Recurse -File $Path | Measure-Object -Property Length -Sum).Sum
    return [math]::Round($sum / 1MB)
}

New-BuildVenv
Install-Project
$version = Get-ProjectVersion
Build-Bundle
Test-Bundle
Write-Host ("==> bundle: {0}  {1} MB" -f $Dist, (Get-SizeMB $Dist)) -ForegroundColor Green
if (-not $SkipInstaller) {
    Invoke-Step "ISCC kakanai.iss ($version)" (Find-Iscc) @("/DAppVersion=$version",
        (Join-Path $Root "packaging\windows\kakanai.iss"))
    $setup = Join-Path $Root "dist\installer\kakanai-setup-$version.exe"
    Write-Host ("==> installer: {0}  {1} MB" -f $setup, (Get-SizeMB $setup)) -ForegroundColor Green
}
