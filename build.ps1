<#
.SYNOPSIS
    Builds, tests, documents and packages the DynatraceAws module.
.EXAMPLE
    ./build.ps1                 # Build: out/DynatraceAws is the importable module
.EXAMPLE
    ./build.ps1 -Task Test      # every test (the same command CI runs)
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleFolder = Join-Path $root 'out/DynatraceAws'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

switch ($Task) {
    'Build' {
        Invoke-Dotnet publish (Join-Path $root 'src/DynatraceAws') -c $Configuration -o $moduleFolder
        Write-Host "Module: $moduleFolder"
    }
    'Test' {
        Invoke-Dotnet test $root
    }
    'Package' {
        Invoke-Dotnet publish (Join-Path $root 'src/DynatraceAws') -c Release -o $moduleFolder
        Get-ChildItem $moduleFolder -Filter *.pdb | Remove-Item
        Test-ModuleManifest (Join-Path $moduleFolder 'DynatraceAws.psd1') | Out-Null
        Write-Host "Ready for Publish-Module -Path $moduleFolder"
    }
}
