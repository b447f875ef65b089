# Assembly isolation (design.md): our AWSSDK.Core and another module's live side by side in one
# session, in either import order. AWS.Tools is played by another AWSSDK.Core version, loaded by path
# into the default load context as its manifest's RequiredAssemblies would. 4.0.3.3 has the same
# assembly identity as ours (4.0.0.0), the hard case; 3.7.402 is the 3.3.0.0 that AWS.Tools 4 ships.
# Each case runs in a pwsh process of its own (DYNATRACEAWS_SPEC_PWSH), since a loaded assembly
# never unloads.

BeforeDiscovery {
    $script:Cases = foreach ($version in '4.0.3.3', '3.7.402') {
        @{ Version = $version; OtherFirst = $true; Order = 'before' }
        @{ Version = $version; OtherFirst = $false; Order = 'after' }
    }
}

Describe 'Assembly isolation' -Tag FreshSession {
    BeforeAll {
        $script:Module = Join-Path $env:DYNATRACEAWS_MODULE 'DynatraceAws.psd1'
        $script:Dependencies = Join-Path $env:DYNATRACEAWS_MODULE 'dependencies'

        # The other versions come from the package registry through a throwaway project.
        $script:Download = Join-Path $TestDrive 'download'
        New-Item -ItemType Directory $script:Download | Out-Null
        Set-Content (Join-Path $script:Download 'download.csproj') @'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="AWSSDK.Core" Version="[4.0.3.3];[3.7.402]" /></ItemGroup>
</Project>
'@
        $restore = & dotnet restore $script:Download --packages (Join-Path $script:Download 'packages') 2>&1
        $script:RestoreFailure = if ($LASTEXITCODE -ne 0) { "AWSSDK.Core 4.0.3.3 and 3.7.402 could not be restored: $restore" }
        function script:Get-OtherAwsSdkCore([string] $Version) {
            Join-Path $script:Download "packages/awssdk.core/$Version/lib/netstandard2.0/AWSSDK.Core.dll"
        }

        # Runs a script file in a fresh session; the script writes one line of JSON.
        function script:Invoke-FreshSession([string] $Script, [string[]] $Arguments) {
            $path = Join-Path $TestDrive "$([guid]::NewGuid().ToString('N')).ps1"
            Set-Content -Path $path -Value $Script
            $output = & $env:DYNATRACEAWS_SPEC_PWSH -NoProfile -NonInteractive -File $path @Arguments 2>&1
            if ($LASTEXITCODE -ne 0) { throw "The fresh session failed with exit code ${LASTEXITCODE}: $output" }
            $output | Select-Object -Last 1 | ConvertFrom-Json
        }

        # Loads the other AWSSDK.Core and our module in the given order, calls a cmdlet that needs
        # DynatraceAws.Core, and reports where each piece was loaded from.
        $script:SideBySide = @'
param($Module, $OtherAwsSdkCore, $OtherFirst)
$ErrorActionPreference = 'Stop'
if ($OtherFirst -eq 'True') { Add-Type -Path $OtherAwsSdkCore }
Import-Module $Module
$token = ConvertTo-SecureString 'dt0s16.local' -AsPlainText -Force
$errorId = try { Connect-DtEnvironment -EnvironmentUrl 'http://abc12345.apps.dynatrace.com' -Token $token } catch { $_.FullyQualifiedErrorId }
if ($OtherFirst -ne 'True') { Add-Type -Path $OtherAwsSdkCore }

$loaded = [AppDomain]::CurrentDomain.GetAssemblies()
$core = $loaded | Where-Object { $_.GetName().Name -eq 'DynatraceAws.Core' }
# The same binding the runtime does for Core's own references to the AWS SDK.
$coreAwsSdk = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core).LoadFromAssemblyName(
    ($core.GetReferencedAssemblies() | Where-Object Name -eq 'AWSSDK.Core'))
$other = $loaded | Where-Object Location -eq $OtherAwsSdkCore
$otherCredentials = [Activator]::CreateInstance($other.GetType('Amazon.Runtime.BasicAWSCredentials'), 'AKIDEXAMPLE', 'secret')
[pscustomobject]@{
    ErrorId        = $errorId
    Core           = $core.Location
    CoreContext    = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core).Name
    CoreAwsSdk     = $coreAwsSdk.Location
    OtherAccessKey = $otherCredentials.GetCredentials().AccessKey
} | ConvertTo-Json -Compress
'@
    }

    It 'works with AWSSDK.Core <Version> loaded <Order> the module' -ForEach $Cases {
        if ($script:RestoreFailure) { Set-ItResult -Skipped -Because $script:RestoreFailure; return }

        $result = Invoke-FreshSession $script:SideBySide $script:Module, (Get-OtherAwsSdkCore $Version), $OtherFirst

        $result.ErrorId | Should -Be 'InvalidEnvironmentUrl,DynatraceAws.Commands.ConnectDtEnvironmentCommand'
        $result.Core | Should -Be (Join-Path $script:Dependencies 'DynatraceAws.Core.dll')
        $result.CoreContext | Should -Be 'DynatraceAws'
        $result.CoreAwsSdk | Should -Be (Join-Path $script:Dependencies 'AWSSDK.Core.dll')
        $result.OtherAccessKey | Should -Be 'AKIDEXAMPLE'
    }

    It 'works again after Remove-Module and a second import' {
        $result = Invoke-FreshSession @'
param($Module)
$token = ConvertTo-SecureString 'dt0s16.local' -AsPlainText -Force
$errorIds = foreach ($import in 1, 2) {
    Import-Module $Module -Force
    try { Connect-DtEnvironment -EnvironmentUrl 'http://abc12345.apps.dynatrace.com' -Token $token } catch { $_.FullyQualifiedErrorId }
    Remove-Module DynatraceAws
}
ConvertTo-Json -Compress -InputObject @($errorIds)
'@ $script:Module

        $result | Should -Be (@('InvalidEnvironmentUrl,DynatraceAws.Commands.ConnectDtEnvironmentCommand') * 2)
    }
}
