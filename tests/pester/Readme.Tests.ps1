# The README's quick start, its commands verbatim and in order, in a pwsh of its own
# (DYNATRACEAWS_SPEC_PWSH) from the repository root, against an emulator started with the README's
# own arguments. Only two things are put in: the emulator's address (a free port instead of 8080)
# and the module's folder (the one under test instead of ./out/DynatraceAws). The temporary folder
# of that pwsh is this spec's TestDrive, where the quick start's files must land.

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $readme = Get-Content (Join-Path $script:Root 'README.md') -Raw
    $section = [regex]::Match($readme, '(?s)## Quick start against the local emulator\n(.*?)\n## ').Groups[1].Value
    $script:Blocks = @([regex]::Matches($section, '(?s)```powershell\n(.*?)```') | ForEach-Object { $_.Groups[1].Value })
    $script:EmulatorLine = [regex]::Match($section, 'dotnet run --project tests/DynatraceAws\.Emulator -- (.+)').Groups[1].Value.Trim()

    # The emulator as the README starts it, on a free port.
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $start.ArgumentList.Add($env:DYNATRACEAWS_EMULATOR_DLL)
    foreach ($argument in ($script:EmulatorLine -replace '--port \d+', '--port 0') -split ' ') { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $script:Emulator = [System.Diagnostics.Process]::Start($start)
    $script:Banner = while (($line = $script:Emulator.StandardOutput.ReadLine()) -ne $null) {
        $line
        if ($line -like 'Press Ctrl+C*') { break }
    }
    $url = ($script:Banner | Select-String '^DynatraceAws emulator listening on (\S+)').Matches[0].Groups[1].Value

    # Each block runs in the same session, dot-sourced as if typed; what it outputs is kept as JSON, one line per block.
    $blocks = Join-Path $TestDrive 'blocks.json'
    $script:Output = Join-Path $TestDrive 'output.jsonl'
    ConvertTo-Json -InputObject @($script:Blocks | ForEach-Object {
            $_.Replace('http://127.0.0.1:8080', $url).Replace('./out/DynatraceAws/DynatraceAws.psd1', (Join-Path $env:DYNATRACEAWS_MODULE 'DynatraceAws.psd1'))
        }) | Set-Content $blocks
    $driver = Join-Path $TestDrive 'driver.ps1'
    Set-Content $driver @'
param($Blocks, $Output)
$ErrorActionPreference = 'Stop'
foreach ($block in Get-Content $Blocks -Raw | ConvertFrom-Json) {
    $objects = . ([scriptblock]::Create($block))
    ConvertTo-Json -InputObject @($objects) -Depth 3 -Compress | Add-Content $Output
}
'@
    $script:RootBefore = (Get-ChildItem $script:Root -Force).Name
    $saved = $env:TMPDIR, $env:TEMP, $env:TMP
    $env:TMPDIR = $env:TEMP = $env:TMP = $TestDrive
    Push-Location $script:Root
    try {
        $script:Console = & $env:DYNATRACEAWS_SPEC_PWSH -NoProfile -NonInteractive -File $driver $blocks $script:Output 2>&1
        $script:ExitCode = $LASTEXITCODE
    }
    finally {
        Pop-Location
        $env:TMPDIR, $env:TEMP, $env:TMP = $saved
    }
    $script:Results = @(if (Test-Path $script:Output) { Get-Content $script:Output | ForEach-Object { , @(ConvertFrom-Json $_) } })
}

AfterAll {
    if ($script:Emulator) { $script:Emulator.Kill($true); $script:Emulator.Dispose() }
}

Describe 'The README quick start' -Tag NeedsPwsh {
    It 'starts the emulator with the arguments of the README, whose banner connects as the README does' {
        $script:EmulatorLine | Should -Match '--members 3'
        $banner = ($script:Banner | Select-String '^Connect-DtEnvironment ').Line
        $readme = ($script:Blocks -join "`n" -split "`n" | Select-String '^Connect-DtEnvironment ').Line
        [regex]::Match($banner, '-EnvironmentId (\S+)').Groups[1].Value | Should -Be 'abc12345'
        [regex]::Match($readme, '-EnvironmentId (\S+)').Groups[1].Value | Should -Be 'abc12345'
        $token = [regex]::Match(($script:Blocks -join "`n"), "ConvertTo-SecureString '([^']+)'").Groups[1].Value
        $banner | Should -BeLike "*'$token'*"
    }

    It 'runs every command of it verbatim and in order, without an error' {
        $script:ExitCode | Should -Be 0 -Because ($script:Console -join "`n")
        $script:Results.Count | Should -Be $script:Blocks.Count
        $script:Console | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
    }

    It 'writes its files to the temporary folder, not into the repository' {
        (Get-ChildItem $script:Root -Force).Name | Where-Object { $_ -notin $script:RootBefore } | Should -BeNullOrEmpty
        foreach ($file in 'accounts.csv', 'members.csv', 'register.md', 'sync.md') { Join-Path $TestDrive $file | Should -Exist }
    }

    It 'onboards the account through the five cmdlets, and the rerun comes back with Changed False' {
        $configuration = $script:Results[0] | Where-Object ConfigurationId
        $configuration.AccountId | Should -Be '123456789012'
        $configuration.Region | Should -Be @('eu-west-1', 'us-east-1')
        $configuration.Changed | Should -BeTrue
        $script:Results[1].Changed | Should -Be @($false)
    }

    It 'plans, onboards with a report, tests and offboards the OU''s members, then Sync onboards the offboarded one again' {
        $members = '200000000001', '200000000002', '200000000003'
        $objects = $script:Results[2]
        ($objects | Where-Object Status -EQ Planned).AccountId | Sort-Object | Should -Be $members
        ($objects | Where-Object Status -EQ Onboarded).AccountId | Sort-Object | Should -Be $members
        ($objects | Where-Object Status -EQ Pass).AccountId | Sort-Object | Should -Be $members
        ($objects | Where-Object Status -EQ Removed).AccountId | Should -Be '200000000003'
        Get-Content (Join-Path $TestDrive 'register.md') -Raw | Should -Match '\| Onboarded \| 3 \|'

        $synced = $script:Results[3]
        ($synced | Where-Object Status -EQ Onboarded).AccountId | Should -Be '200000000003'
        ($synced | Where-Object Status -EQ InSync).AccountId | Sort-Object | Should -Be $members[0..1]
        Get-Content (Join-Path $TestDrive 'sync.md') -Raw | Should -Match '\| InSync \| 2 \|'
    }
}
