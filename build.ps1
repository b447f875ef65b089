<#
.SYNOPSIS
    Builds, tests, documents and packages the DynatraceAws module.
.EXAMPLE
    ./build.ps1                 # Build: out/DynatraceAws is the importable module
.EXAMPLE
    ./build.ps1 -Task Test      # every test (the same command CI runs)
.EXAMPLE
    ./build.ps1 -Task Docs      # docs/*.md -> en-US/ (commit the result)
.EXAMPLE
    ./build.ps1 -Task Package -ProjectUri https://github.com/<owner>/DynatraceAws
    # out/DynatraceAws, ready for Publish-PSResource or Publish-Module
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    # The folder that receives DynatraceAws/, the module folder (Build and Package).
    [string] $OutputPath = (Join-Path $PSScriptRoot 'out'),
    # Package only: the project's public address, which the gallery shows, and under which
    # Get-Help -Online finds each cmdlet's page (<ProjectUri>/blob/HEAD/docs/<cmdlet>.md). It is a
    # release input, not in the committed manifest or help, because the repository's public home is
    # decided by whoever publishes.
    [uri] $ProjectUri
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleFolder = Join-Path $OutputPath 'DynatraceAws'

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
        if (-not $ProjectUri) {
            throw "-ProjectUri is required for -Task Package: the https address of the project's public repository, which the gallery links to (for example -ProjectUri https://github.com/<owner>/DynatraceAws)."
        }
        if (-not $ProjectUri.IsAbsoluteUri -or $ProjectUri.Scheme -ne 'https') {
            throw "-ProjectUri '$ProjectUri' is not an absolute https address. Pass the address of the project's public repository, for example https://github.com/<owner>/DynatraceAws."
        }
        # From an empty folder: nothing left from an earlier build may ship.
        if (Test-Path $moduleFolder) { Remove-Item $moduleFolder -Recurse -Force }
        Invoke-Dotnet publish (Join-Path $root 'src/DynatraceAws') -c Release -o $moduleFolder
        Get-ChildItem $moduleFolder -Filter *.pdb -Recurse | Remove-Item
        # The help again, each cmdlet's first related link now its page in the published docs/.
        $onlineHelp = $ProjectUri.AbsoluteUri.TrimEnd('/') + '/blob/HEAD/docs/'
        Invoke-Dotnet run --project (Join-Path $root 'tools/HelpCompiler') -- (Join-Path $root 'docs') (Join-Path $moduleFolder 'en-US') $onlineHelp

        $manifestPath = Join-Path $moduleFolder 'DynatraceAws.psd1'
        $text = Get-Content -Raw $manifestPath
        $projectLine = "ProjectUri   = '$($ProjectUri.AbsoluteUri -replace "'", "''")'"
        $stamped = $text -replace "(?m)^(\s*)(LicenseUri\s*=.*)$", "`$1`$2`n`$1$projectLine"
        if ($stamped -eq $text) { throw "DynatraceAws.psd1 has no LicenseUri line to put ProjectUri beside." }
        Set-Content -Path $manifestPath -Value $stamped -NoNewline -Encoding utf8

        $manifest = Test-ModuleManifest $manifestPath
        if ($manifest.ProjectUri -ne $ProjectUri -or -not $manifest.LicenseUri) {
            throw "The packaged manifest does not carry ProjectUri '$ProjectUri' and a LicenseUri."
        }
        Write-Host "Ready for Publish-PSResource -Path $moduleFolder (or Publish-Module): version $($manifest.Version), project $($manifest.ProjectUri), licence $($manifest.LicenseUri), online help $onlineHelp"
    }
}
