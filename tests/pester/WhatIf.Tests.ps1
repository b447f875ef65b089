# Every cmdlet that supports ShouldProcess, run with -WhatIf on input that would change something:
# it sends no write to the emulator and prints its plan through the one plan-and-apply model, a
# "What if: <target>: <changes>" line whose changes read "<Dynatrace|AWS>: <create|update|delete> ...".
# The cases are checked against the module's own list, so a new cmdlet without a case fails here.
# Runs against the built module and the emulator that tests/DynatraceAws.Published.Tests/PesterRun.cs
# starts (see Module.Tests.ps1); other spec files share that emulator, so every name here is new.

BeforeDiscovery {
    # Setup runs for real before the emulator's log is cleared and returns what Run needs; Run is the
    # command under -WhatIf. Connection: the session each needs (Dynatrace platform, classic, account).
    $script:Cases = @(
        @{ Name = 'New-DtAwsConnection'; Connection = 'Platform'
           Run = { param($s) New-DtAwsConnection -Name "$Prefix-new" -AccountId 310000000001 -WhatIf } }
        @{ Name = 'Remove-DtAwsConnection'; Connection = 'Platform'
           Setup = { New-DtAwsConnection -Name "$Prefix-remove" -AccountId 310000000002 }
           Run = { param($s) Remove-DtAwsConnection -ConnectionId $s.ConnectionId -Force -WhatIf } }
        @{ Name = 'Set-DtConnectionRoleArn'; Connection = 'Platform'
           Setup = { New-DtAwsConnection -Name "$Prefix-role-arn" -AccountId 310000000003 }
           Run = { param($s) Set-DtConnectionRoleArn -ConnectionId $s.ConnectionId -RoleArn 'arn:aws:iam::310000000003:role/DynatraceMonitoringRole' -WhatIf } }
        @{ Name = 'New-DtMonitoringConfiguration'; Connection = 'Platform'
           Setup = { New-DtAwsConnection -Name "$Prefix-configuration" -AccountId 310000000004 }
           Run = { param($s) $s | New-DtMonitoringConfiguration -Region eu-west-1 -WhatIf } }
        @{ Name = 'Set-DtMonitoringConfiguration'; Connection = 'Platform'
           Setup = { New-DtAwsConnection -Name "$Prefix-set" -AccountId 310000000005 | New-DtMonitoringConfiguration -Region eu-west-1 -WarningAction SilentlyContinue }
           Run = { param($s) Set-DtMonitoringConfiguration -ConfigurationId $s.ConfigurationId -Region eu-central-1 -WarningAction SilentlyContinue -WhatIf } }
        @{ Name = 'Disable-DtMonitoringConfiguration'; Connection = 'Platform'
           Setup = { New-DtAwsConnection -Name "$Prefix-disable" -AccountId 310000000006 | New-DtMonitoringConfiguration -WarningAction SilentlyContinue }
           Run = { param($s) Disable-DtMonitoringConfiguration -ConfigurationId $s.ConfigurationId -WhatIf } }
        @{ Name = 'Enable-DtMonitoringConfiguration'; Connection = 'Platform'
           Setup = {
               $configuration = New-DtAwsConnection -Name "$Prefix-enable" -AccountId 310000000007 | New-DtMonitoringConfiguration -WarningAction SilentlyContinue
               Disable-DtMonitoringConfiguration -ConfigurationId $configuration.ConfigurationId
           }
           Run = { param($s) Enable-DtMonitoringConfiguration -ConfigurationId $s.ConfigurationId -WhatIf } }
        @{ Name = 'Remove-DtMonitoringConfiguration'; Connection = 'Platform'
           Setup = { New-DtAwsConnection -Name "$Prefix-remove-configuration" -AccountId 310000000008 | New-DtMonitoringConfiguration -WarningAction SilentlyContinue }
           Run = { param($s) Remove-DtMonitoringConfiguration -ConfigurationId $s.ConfigurationId -Force -WhatIf } }
        @{ Name = 'Install-DtExtension'; Connection = 'Platform'
           Run = { param($s) Install-DtExtension -Version 1.0.4 -WhatIf } }
        @{ Name = 'New-DtMonitoringRole'; Connection = 'Platform'
           Setup = { New-DtAwsConnection -Name "$Prefix-role-connection" -AccountId 123456789012 }
           Run = { param($s) New-DtMonitoringRole -AccountId 123456789012 -ConnectionId $s.ConnectionId -RoleName "$Prefix-role" @Aws -WhatIf } }
        @{ Name = 'Register-DtAwsAccount'; Connection = 'Platform'
           Run = { param($s) Register-DtAwsAccount -AccountId 200000000003 -Name "$Prefix-register" -Region eu-north-1 @Aws -AssumeRoleName OrganizationAccountAccessRole -WhatIf } }
        @{ Name = 'Unregister-DtAwsAccount'; Connection = 'Platform'
           # Onboarded on the Dynatrace side only, so the organization's members stay as the other specs leave them.
           Setup = { New-DtAwsConnection -Name "$Prefix-unregister" -AccountId 310000000013 | New-DtMonitoringConfiguration -WarningAction SilentlyContinue }
           Run = { param($s) Unregister-DtAwsAccount -AccountId 310000000013 -KeepRole -Force -WhatIf } }
        @{ Name = 'Sync-DtAwsOrganization'; Connection = 'Platform'
           # An onboarded account outside the OU has departed from it.
           Setup = { New-DtAwsConnection -Name "$Prefix-departed" -AccountId 310000000009 | New-DtMonitoringConfiguration -WarningAction SilentlyContinue }
           Run = {
               param($s)
               $unit = (Get-DtAwsOrganizationAccount @Aws | Where-Object OrganizationalUnitPath -EQ 'Root/Workloads')[0].OrganizationalUnitId
               Sync-DtAwsOrganization $unit @Aws -RemoveDeparted -KeepRole -WarningAction SilentlyContinue -WhatIf
           } }
        @{ Name = 'New-DtAwsCredential'; Connection = 'Classic'
           Run = { param($s) New-DtAwsCredential -Label "$Prefix-credential" -AccountId 310000000010 -WhatIf } }
        @{ Name = 'Set-DtAwsCredential'; Connection = 'Classic'
           Setup = { New-DtAwsCredential -Label "$Prefix-set-credential" -AccountId 310000000011 }
           Run = { param($s) Set-DtAwsCredential -Id $s.Id -Label "$Prefix-renamed" -WhatIf } }
        @{ Name = 'Remove-DtAwsCredential'; Connection = 'Classic'
           Setup = { New-DtAwsCredential -Label "$Prefix-remove-credential" -AccountId 310000000012 }
           Run = { param($s) Remove-DtAwsCredential -Id $s.Id -Force -WhatIf } }
        @{ Name = 'New-DtIamPolicy'; Connection = 'Account'
           Run = { param($s) New-DtIamPolicy -Name "$Prefix-policy" -StatementQuery 'ALLOW settings:objects:read;' -WhatIf } }
        @{ Name = 'Set-DtIamPolicy'; Connection = 'Account'
           Setup = { New-DtIamPolicy -Name "$Prefix-set-policy" -StatementQuery 'ALLOW settings:objects:read;' }
           Run = { param($s) Set-DtIamPolicy -Uuid $s.Uuid -Description 'changed' -WhatIf } }
        @{ Name = 'Remove-DtIamPolicy'; Connection = 'Account'
           Setup = { New-DtIamPolicy -Name "$Prefix-remove-policy" -StatementQuery 'ALLOW settings:objects:read;' }
           Run = { param($s) Remove-DtIamPolicy -Uuid $s.Uuid -Force -WhatIf } }
        @{ Name = 'Grant-DtPolicyBinding'; Connection = 'Account'
           Setup = { New-DtIamGroup -Name "$Prefix-grant" }
           Run = { param($s) Grant-DtPolicyBinding -PolicyName 'Settings Reader' -GroupUuid $s.Uuid -WhatIf } }
        @{ Name = 'Revoke-DtPolicyBinding'; Connection = 'Account'
           Setup = { New-DtIamGroup -Name "$Prefix-revoke" | ForEach-Object { Grant-DtPolicyBinding -PolicyName 'Settings Reader' -GroupUuid $_.Uuid } }
           Run = { param($s) Revoke-DtPolicyBinding -PolicyUuid $s.PolicyUuid -GroupUuid $s.GroupUuid -Force -WhatIf } }
        @{ Name = 'New-DtIamGroup'; Connection = 'Account'
           Run = { param($s) New-DtIamGroup -Name "$Prefix-group" -WhatIf } }
        @{ Name = 'New-DtServiceUser'; Connection = 'Account'
           Run = { param($s) New-DtServiceUser -Name "$Prefix-user" -WhatIf } }
        @{ Name = 'New-DtPlatformToken'; Connection = 'Account'
           Setup = { New-DtServiceUser -Name "$Prefix-token-user" }
           Run = { param($s) New-DtPlatformToken -Name "$Prefix-token" -Scope storage:logs:read -ServiceUser $s.Uid -WhatIf } }
        @{ Name = 'Remove-DtPlatformToken'; Connection = 'Account'
           Setup = { New-DtServiceUser -Name "$Prefix-removed-token-user" | New-DtPlatformToken -Name "$Prefix-removed-token" -Scope storage:logs:read }
           Run = { param($s) Remove-DtPlatformToken -TokenId $s.TokenId -Force -WhatIf } }
        @{ Name = 'Initialize-DtAwsOnboarding'; Connection = 'Account'
           Run = { param($s) Initialize-DtAwsOnboarding -Name "$Prefix-onboarding" -EnvironmentId abc12345 -WhatIf } }
    )
    # They change only this session's state, not a service: no plan to print. Their own It below
    # shows that -WhatIf leaves the session as it was.
    $script:SessionOnly = @(@{ Name = 'Disconnect-DtEnvironment' }, @{ Name = 'Disconnect-DtAccount' })
}

BeforeAll {
    Import-Module (Join-Path $env:DYNATRACEAWS_MODULE 'DynatraceAws.psd1') -Force
    $script:Url = $env:DYNATRACEAWS_EMULATOR
    $script:Prefix = 'whatif-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
    # The emulator's demo account, the management account of its organization (EmulatorProcess.cs).
    $script:Aws = @{ AccessKey = 'AKIDEMU123456789012'; SecretKey = 'emu-secret-123456789012'; EndpointUrl = $script:Url }
    $url = $script:Url
    $token = ConvertTo-SecureString $env:DYNATRACEAWS_TOKEN -AsPlainText -Force
    $apiToken = ConvertTo-SecureString 'dt0c01.EMULATOR.local-api-token' -AsPlainText -Force
    $secret = ConvertTo-SecureString 'dt0s02.EMULATOR.local-client-secret' -AsPlainText -Force
    $script:Connect = @{
        Platform = { Connect-DtEnvironment -EnvironmentUrl $url -Token $token -EnvironmentId abc12345 | Out-Null }.GetNewClosure()
        Classic  = { Connect-DtEnvironment -EnvironmentUrl "$($url)e/abc12345" -ApiToken $apiToken | Out-Null }.GetNewClosure()
        Account  = {
            Connect-DtAccount -AccountUuid 11111111-2222-3333-4444-555555555555 -ClientId dt0s02.EMULATOR -ClientSecret $secret `
                -TokenEndpoint "$($url)sso/oauth2/token" -ApiUrl $url | Out-Null
        }.GetNewClosure()
    }

    . (Join-Path $PSScriptRoot 'Emulator.ps1')
}

Describe '-WhatIf' {
    It 'has a case for every cmdlet of the module that supports ShouldProcess' -ForEach @{ Names = $Cases.Name + $SessionOnly.Name } {
        $shouldProcess = Get-Command -Module DynatraceAws | Where-Object { $_.Parameters.ContainsKey('WhatIf') }
        $shouldProcess.Name | Sort-Object | Should -Be ($Names | Sort-Object)
    }

    It '<Name> -WhatIf writes nothing and prints its plan' -ForEach $Cases {
        $ErrorActionPreference = 'Stop'
        & $Connect[$Connection]
        $state = if ($Setup) { & $Setup | Select-Object -Last 1 }
        Reset-EmulatorLog

        $lines = @(Get-WhatIf { & $Run $state })

        Get-EmulatorWrites | Should -BeNullOrEmpty
        $lines | Should -Not -BeNullOrEmpty
        foreach ($line in $lines) { $line | Should -Match '^What if: .+?: (Dynatrace|AWS): (create|update|delete) ' }
    }

    It '<Name> -WhatIf keeps the session connected: it changes no service, so it has no plan to print' -ForEach $SessionOnly {
        & $Connect.Platform
        & $Connect.Account
        $before = (Get-DtEnvironment), (Get-DtAccount)

        & $Name -WhatIf

        (Get-DtEnvironment), (Get-DtAccount) | Should -Be $before
    }
}
