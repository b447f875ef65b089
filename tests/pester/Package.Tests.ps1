# build.ps1 -Task Package makes the folder a PowerShell gallery takes: published to a file
# repository with PSResourceGet and saved back from it, the module imports and answers in a fresh
# pwsh (DYNATRACEAWS_SPEC_PWSH), and Get-Help -Online finds each cmdlet's page under the project.

BeforeAll {
    $script:Build = Join-Path $PSScriptRoot '../../build.ps1'
    $script:ProjectUri = 'https://github.com/example/DynatraceAws'
    $script:Folder = Join-Path $TestDrive 'out/DynatraceAws'
    & $script:Build -Task Package -OutputPath (Join-Path $TestDrive 'out') -ProjectUri $script:ProjectUri 6>&1 | Out-Null
    $script:Manifest = Join-Path $script:Folder 'DynatraceAws.psd1'
}

Describe 'build.ps1 -Task Package' {
    It 'refuses to package without -ProjectUri, and says what to pass' {
        { & $script:Build -Task Package -OutputPath (Join-Path $TestDrive 'none') } |
            Should -Throw '*-ProjectUri is required*https://github.com/<owner>/DynatraceAws*'
    }

    It 'refuses a -ProjectUri that is not an https address' {
        { & $script:Build -Task Package -OutputPath (Join-Path $TestDrive 'none') -ProjectUri 'http://example.com/DynatraceAws' } |
            Should -Throw "*-ProjectUri 'http://example.com/DynatraceAws' is not an absolute https address*"
        Join-Path $TestDrive 'none' | Should -Not -Exist
    }

    It 'writes a gallery manifest: both editions from 5.1, tags, project, licence and release notes' {
        $manifest = Test-ModuleManifest $script:Manifest
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be ([version] '5.1')
        $manifest.Tags | Should -Contain 'PSEdition_Desktop'
        $manifest.Tags | Should -Contain 'PSEdition_Core'
        $manifest.ProjectUri | Should -Be $script:ProjectUri
        $manifest.LicenseUri | Should -Be 'https://www.apache.org/licenses/LICENSE-2.0'
        $manifest.ReleaseNotes | Should -Not -BeNullOrEmpty
        (Import-PowerShellDataFile $script:Manifest).CmdletsToExport | Should -Not -Contain '*'
    }

    It 'ships the licence the manifest names, and no debug symbols' {
        (Get-Content (Join-Path $script:Folder 'LICENSE') -TotalCount 3) -join ' ' | Should -Match 'Apache License\s+Version 2\.0'
        Get-ChildItem $script:Folder -Recurse -Filter *.pdb | Should -BeNullOrEmpty
    }

    It 'gives every cmdlet an online page under the project address, where Get-Help -Online goes' -Tag NeedsPwsh -Skip:(-not $IsLinux) {
        # A stand-in for the browser: on Linux, .NET opens a web address with the first xdg-open on PATH.
        $bin = New-Item -ItemType Directory (Join-Path $TestDrive 'bin')
        $opened = Join-Path $TestDrive 'opened.txt'
        $opener = Join-Path $bin 'xdg-open'
        Set-Content $opener "#!/bin/sh`necho `"`$1`" >> '$opened'"
        [IO.File]::SetUnixFileMode($opener, 'UserRead, UserWrite, UserExecute')

        # In a pwsh of its own: this session has the module loaded from elsewhere.
        $pages = & $env:DYNATRACEAWS_SPEC_PWSH -NoProfile -NonInteractive -Command {
            param($Manifest, $Bin)
            $ErrorActionPreference = 'Stop'
            Import-Module $Manifest
            $env:PATH = $Bin + [IO.Path]::PathSeparator + $env:PATH
            Get-Help Register-DtAwsAccount -Online
            foreach ($command in Get-Command -Module DynatraceAws) {
                [pscustomobject]@{ Name = $command.Name; Online = @((Get-Help $command.Name -Full).relatedLinks.navigationLink | Where-Object uri)[0].uri }
            }
        } -args $script:Manifest, $bin.FullName

        $pages.Count | Should -Be (Import-PowerShellDataFile $script:Manifest).CmdletsToExport.Count
        foreach ($page in $pages) { $page.Online | Should -Be "$($script:ProjectUri)/blob/HEAD/docs/$($page.Name).md" }
        $deadline = (Get-Date).AddSeconds(10)
        while (-not (Test-Path $opened) -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
        Get-Content $opened | Should -Be "$($script:ProjectUri)/blob/HEAD/docs/Register-DtAwsAccount.md"
    }

    It 'publishes to a repository, and the module saved back from it imports and answers' -Tag NeedsPwsh {
        # In a pwsh of its own: PSResourceGet comes with pwsh, and this session has the module loaded from elsewhere.
        $result = & $env:DYNATRACEAWS_SPEC_PWSH -NoProfile -NonInteractive -Command {
            param($Folder, $Work)
            $ErrorActionPreference = 'Stop'
            $repository = 'DynatraceAwsSpec' + [guid]::NewGuid().ToString('N').Substring(0, 8)
            $feed = New-Item -ItemType Directory (Join-Path $Work 'feed')
            $saved = New-Item -ItemType Directory (Join-Path $Work 'saved')
            Register-PSResourceRepository -Name $repository -Uri $feed.FullName -Trusted
            try {
                Publish-PSResource -Path $Folder -Repository $repository
                $found = Find-PSResource -Name DynatraceAws -Repository $repository
                Save-PSResource -Name DynatraceAws -Repository $repository -Path $saved.FullName
            }
            finally {
                Unregister-PSResourceRepository -Name $repository
            }
            # Found by name, as an installed module is.
            $env:PSModulePath = $saved.FullName + [IO.Path]::PathSeparator + $env:PSModulePath
            Import-Module DynatraceAws
            [pscustomobject]@{
                Version    = $found.Version
                ProjectUri = $found.ProjectUri
                LicenseUri = $found.LicenseUri
                Saved      = $saved.FullName
                ModuleBase = (Get-Module DynatraceAws).ModuleBase
                Commands   = @(Get-Command -Module DynatraceAws).Count
                Synopsis   = (Get-Help Register-DtAwsAccount).Synopsis
            }
        } -args $script:Folder, (Join-Path $TestDrive 'gallery')

        $result.Version | Should -Be (Test-ModuleManifest $script:Manifest).Version
        $result.ProjectUri | Should -Be $script:ProjectUri
        $result.LicenseUri | Should -Be 'https://www.apache.org/licenses/LICENSE-2.0'
        $result.ModuleBase | Should -BeLike "$($result.Saved)*"
        $result.Commands | Should -Be (Import-PowerShellDataFile $script:Manifest).CmdletsToExport.Count
        $result.Synopsis | Should -Not -BeNullOrEmpty
    }
}
