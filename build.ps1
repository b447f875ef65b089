<#
.SYNOPSIS
    Builds, tests, documents and packages the DynatraceAws module.
.EXAMPLE
    ./build.ps1                 # Build: out/DynatraceAws is the importable module
.EXAMPLE
    ./build.ps1 -Task Test      # every test (the same command CI runs)
.EXAMPLE
    ./build.ps1 -Task Docs      # docs/*.md -> en-US/ (commit the result)
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package')]
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
    'Docs' {
        # PlatyPS, where installed, is the schema's reference: it must read every page without an
        # error. Its MAML goes to out/ only, to compare with: the committed en-US/ always comes from
        # tools/HelpCompiler, so that HelpTests can demand it byte for byte.
        if (Get-Module -ListAvailable Microsoft.PowerShell.PlatyPS) {
            # In a job, a child process: PlatyPS's YamlDotNet never meets another copy in this one.
            Start-Job -ArgumentList (Join-Path $root 'docs'), (Join-Path $root 'out/platyps-help') -ScriptBlock {
                param($docs, $out)
                $ErrorActionPreference = 'Stop'
                $help = Measure-PlatyPSMarkdown -Path (Join-Path $docs '*.md') |
                    Where-Object FileType -Match CommandHelp |
                    Import-MarkdownCommandHelp -Path { $_.FilePath }
                $errors = foreach ($page in $help) {
                    $page.Diagnostics.Messages | Where-Object Severity -EQ Error |
                        ForEach-Object { "$($page.Diagnostics.FileName)($($_.Line)): $($_.Identifier) $($_.Message)" }
                }
                if ($errors) { throw "PlatyPS cannot read docs/:`n$($errors -join "`n")" }
                $help | Export-MamlCommandHelp -OutputFolder $out -Force | Out-Null
            } | Receive-Job -Wait -AutoRemoveJob
        }
        Invoke-Dotnet run --project (Join-Path $root 'tools/HelpCompiler')
    }
    'Package' {
        Invoke-Dotnet publish (Join-Path $root 'src/DynatraceAws') -c Release -o $moduleFolder
        Get-ChildItem $moduleFolder -Filter *.pdb -Recurse | Remove-Item
        Test-ModuleManifest (Join-Path $moduleFolder 'DynatraceAws.psd1') | Out-Null
        Write-Host "Ready for Publish-Module -Path $moduleFolder"
    }
}
