# Runs against the built module and a running emulator; tests/DynatraceAws.Tests/PesterSpecs.cs
# starts both and passes them in DYNATRACEAWS_MODULE, DYNATRACEAWS_EMULATOR and DYNATRACEAWS_TOKEN.

BeforeAll {
    Import-Module (Join-Path $env:DYNATRACEAWS_MODULE 'DynatraceAws.psd1') -Force
    $script:Url = $env:DYNATRACEAWS_EMULATOR
    $script:Token = ConvertTo-SecureString $env:DYNATRACEAWS_TOKEN -AsPlainText -Force
    function script:Get-EmulatorWrites {
        # Assigned first: piped straight on, the JSON array would travel as one object.
        $requests = Invoke-RestMethod -Uri "$($script:Url)_emulator/requests"
        $requests | Where-Object IsWrite
    }
    function script:Reset-EmulatorLog { Invoke-RestMethod -Method Delete -Uri "$($script:Url)_emulator/requests" | Out-Null }
}

Describe 'The module' {
    It 'exports exactly the cmdlets its manifest names' {
        $manifest = Import-PowerShellDataFile (Join-Path $env:DYNATRACEAWS_MODULE 'DynatraceAws.psd1')
        $exported = (Get-Command -Module DynatraceAws).Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'uses only approved verbs' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module DynatraceAws) { $command.Verb | Should -BeIn $approved }
    }
}

Describe 'Connecting' {
    It 'refuses plain http for a remote host with InvalidEnvironmentUrl' {
        { Connect-DtEnvironment -EnvironmentUrl 'http://abc12345.apps.dynatrace.com' -Token $script:Token } |
            Should -Throw -ErrorId 'InvalidEnvironmentUrl,DynatraceAws.Commands.ConnectDtEnvironmentCommand'
    }

    It 'connects and shows the context without the token' {
        $environment = Connect-DtEnvironment -EnvironmentUrl $script:Url -Token $script:Token -EnvironmentId abc12345
        $environment.EnvironmentId | Should -Be 'abc12345'
        (Get-DtEnvironment | Out-String) | Should -Not -Match ([regex]::Escape($env:DYNATRACEAWS_TOKEN))
        ($environment | ConvertTo-Json -Depth 3) | Should -Not -Match ([regex]::Escape($env:DYNATRACEAWS_TOKEN))
    }
}

Describe 'Onboarding steps' {
    BeforeAll {
        Connect-DtEnvironment -EnvironmentUrl $script:Url -Token $script:Token -EnvironmentId abc12345 | Out-Null
    }

    It '-WhatIf sends no write' {
        Reset-EmulatorLog
        New-DtAwsConnection -Name 'whatif-only' -AccountId '111111111111' -WhatIf
        Get-EmulatorWrites | Should -BeNullOrEmpty
    }

    It 'reports a bad name as a non-terminating error with its ErrorId and the input as target' {
        New-DtAwsConnection -Name 'a:b' -AccountId '111111111111' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidConnectionName,DynatraceAws.Commands.NewDtAwsConnectionCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be 'a:b'
    }

    It 'creates connections and configurations from a CSV, and a rerun writes nothing' {
        $csv = @'
AccountId,Name,Region
012345678901,csv-one,eu-west-1;us-east-1
234567890123,csv-two,eu-central-1
'@ | ConvertFrom-Csv
        $configurations = $csv | New-DtAwsConnection | New-DtMonitoringConfiguration
        $configurations.Count | Should -Be 2
        $configurations[0].AccountId | Should -Be '012345678901'
        $configurations[1].Region | Should -Be @('us-east-1', 'eu-central-1')

        Reset-EmulatorLog
        $again = $csv | New-DtAwsConnection | New-DtMonitoringConfiguration -WarningAction SilentlyContinue
        $again.ConfigurationId | Should -Be $configurations.ConfigurationId
        Get-EmulatorWrites | Should -BeNullOrEmpty
    }

    It 'turns a blank CSV cell into an EmptyFilter error, not a Get of everything for a Remove to delete' {
        @(Get-DtMonitoringConfiguration).Count | Should -BeGreaterThan 0
        Reset-EmulatorLog
        $rows = 'AccountId,Name', ',row-with-a-blank-cell', '012345678999,unknown-account' | ConvertFrom-Csv
        $removed = $rows | Get-DtMonitoringConfiguration -ErrorVariable failures -ErrorAction SilentlyContinue |
            Remove-DtMonitoringConfiguration -Force -PassThru
        $removed | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'EmptyFilter,DynatraceAws.Commands.GetDtMonitoringConfigurationCommand'
        Get-EmulatorWrites | Should -BeNullOrEmpty
    }

    It 'formats a connection as a table with its name and account' {
        $text = New-DtAwsConnection -Name 'table-view' -AccountId '222222222222' | Out-String
        $text | Should -Match 'Name\s+AccountId\s+RoleArn\s+ConnectionId'
        $text | Should -Match 'table-view\s+222222222222'
    }

    It 'reads the active da-aws version' {
        (Get-DtExtensionSchemaVersion).ActiveVersion | Should -Not -BeNullOrEmpty
    }
}

Describe 'The CSV chain and Register-DtAwsAccount' {
    BeforeAll {
        Connect-DtEnvironment -EnvironmentUrl $script:Url -Token $script:Token -EnvironmentId abc12345 | Out-Null
        # The emulator's demo account; PesterSpecs.cs gives it three member accounts 200000000001..3.
        $env:AWS_ACCESS_KEY_ID = 'AKIDEMU123456789012'
        $env:AWS_SECRET_ACCESS_KEY = 'emu-secret-123456789012'
        $script:Aws = @{ EndpointUrl = $script:Url }
    }

    It 'onboards from a CSV through the five cmdlets, and a rerun writes nothing' {
        $csv = "AccountId,Name,Region`n123456789012,chain-demo,eu-west-1;us-east-1" | ConvertFrom-Csv
        $configuration = $csv | New-DtAwsConnection | New-DtMonitoringRole @script:Aws | Set-DtConnectionRoleArn | New-DtMonitoringConfiguration
        $configuration.AccountId | Should -Be '123456789012'
        $configuration.Region | Should -Be @('eu-west-1', 'us-east-1')
        (Get-DtAwsConnection -Name chain-demo).RoleArn | Should -Be 'arn:aws:iam::123456789012:role/DynatraceMonitoringRole'

        Reset-EmulatorLog
        $csv | New-DtAwsConnection | New-DtMonitoringRole @script:Aws | Set-DtConnectionRoleArn | New-DtMonitoringConfiguration | Out-Null
        Get-EmulatorWrites | Should -BeNullOrEmpty
    }

    It 'plans under -WhatIf without writing, onboards, then reports Unchanged' {
        $csv = "AccountId,Name,Region`n200000000001,reg-1,eu-west-1`n200000000002,reg-2,eu-west-1`n20000000003,bad-row,eu-west-1" | ConvertFrom-Csv
        Reset-EmulatorLog
        $plan = $csv | Register-DtAwsAccount @script:Aws -AssumeRoleName OrganizationAccountAccessRole -WhatIf -ErrorAction SilentlyContinue
        ($plan | Where-Object Status -EQ Planned).Count | Should -Be 2
        Get-EmulatorWrites | Where-Object Operation -NE AssumeRole | Should -BeNullOrEmpty

        $results = $csv | Register-DtAwsAccount @script:Aws -AssumeRoleName OrganizationAccountAccessRole -ErrorVariable failures -ErrorAction SilentlyContinue
        ($results | Where-Object Status -EQ Onboarded).Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidAccountId,DynatraceAws.Commands.RegisterDtAwsAccountCommand'

        Reset-EmulatorLog
        $again = $csv | Register-DtAwsAccount @script:Aws -AssumeRoleName OrganizationAccountAccessRole -ErrorAction SilentlyContinue
        ($again | Where-Object Status -EQ Unchanged).Count | Should -Be 2
        Get-EmulatorWrites | Where-Object Operation -NE AssumeRole | Should -BeNullOrEmpty
    }

    It 'writes each result while later rows are still arriving, and fails later rows of the same account while the first goes on' {
        $state = @{ InputEnded = $false }
        $seen = [System.Collections.Generic.List[object]]::new()
        & {
            [pscustomobject]@{ AccountId = '200000000003'; Name = 'stream-first'; Region = 'eu-west-1' }
            # More rows until the first row's result has come out (at most 60 s): it must not wait for the input's end.
            for ($i = 0; $i -lt 600 -and -not ($seen | Where-Object { $_.Result.ConnectionName -eq 'stream-first' }); $i++) {
                Start-Sleep -Milliseconds 100
                [pscustomobject]@{ AccountId = '200000000003'; Name = "stream-again-$i" }
            }
            $state.InputEnded = $true
        } | Register-DtAwsAccount @script:Aws -AssumeRoleName OrganizationAccountAccessRole -ErrorVariable failures -ErrorAction SilentlyContinue |
            ForEach-Object { $seen.Add([pscustomobject]@{ Result = $_; BeforeInputEnded = -not $state.InputEnded }) }

        $first = $seen | Where-Object { $_.Result.ConnectionName -eq 'stream-first' }
        $first.Result.Status | Should -Be 'Onboarded'
        $first.BeforeInputEnded | Should -BeTrue
        $later = @($seen | Where-Object { $_.Result.ConnectionName -ne 'stream-first' })
        $later.Count | Should -BeGreaterThan 0
        $later.Result.Status | Sort-Object -Unique | Should -Be 'Failed'
        $failures.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'DuplicateAccount,DynatraceAws.Commands.RegisterDtAwsAccountCommand'
    }

    It 'offboards with Unregister-DtAwsAccount, after which Test-DtAwsAccount finds nothing' {
        $removed = Unregister-DtAwsAccount -AccountId 200000000002 @script:Aws -AssumeRoleName OrganizationAccountAccessRole -Force
        $removed.Status | Should -Be 'Removed'
        $checks = Test-DtAwsAccount -AccountId 200000000002 @script:Aws -AssumeRoleName OrganizationAccountAccessRole
        ($checks | Where-Object Check -EQ ConnectionExists).Result | Should -Be 'Fail'
        ($checks | Where-Object Check -EQ RoleExists).Result | Should -Be 'Fail'
    }
}

Describe 'Tab completion' {
    BeforeAll {
        Connect-DtEnvironment -EnvironmentUrl $script:Url -Token $script:Token -EnvironmentId abc12345 | Out-Null
        function script:Complete([string] $line) { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText }
    }

    It 'completes regions' { Complete 'New-DtMonitoringConfiguration -Region eu-we' | Should -Contain 'eu-west-1' }
    It 'completes feature sets' { Complete 'Register-DtAwsAccount -FeatureSet Lambda_' | Should -Contain 'Lambda_essential' }
    It 'completes AWS profiles from the config files' {
        $config = Join-Path $TestDrive 'config'
        "[default]`nregion = us-east-1`n[profile prod-admin]`nregion = eu-west-1" | Set-Content $config
        $env:AWS_CONFIG_FILE = $config
        try { Complete 'New-DtMonitoringRole -ProfileName prod' | Should -Contain 'prod-admin' } finally { Remove-Item Env:AWS_CONFIG_FILE }
    }
    It 'completes connection names from the environment' {
        New-DtAwsConnection -Name 'completion target' -AccountId 345678901234 | Out-Null
        Complete 'Get-DtAwsConnection -Name compl' | Should -Contain "'completion target'"
    }
}

Describe 'OAuth clients, account IAM, classic environments and Organizations' {
    BeforeAll {
        $script:Secret = ConvertTo-SecureString 'dt0s02.EMULATOR.local-client-secret' -AsPlainText -Force
        $script:TokenEndpoint = "$($script:Url)sso/oauth2/token"
    }

    It 'connects with an OAuth client and reads the environment with it' {
        $environment = Connect-DtEnvironment -EnvironmentUrl $script:Url -ClientId dt0s02.EMULATOR -ClientSecret $script:Secret -TokenEndpoint $script:TokenEndpoint -EnvironmentId abc12345
        $environment.AuthenticationType | Should -Be 'OAuthClient'
        (Get-DtExtensionSchemaVersion).ActiveVersion | Should -Not -BeNullOrEmpty
    }

    It 'makes the prerequisites of the seed once: a rerun changes nothing' {
        Connect-DtAccount -AccountUuid 11111111-2222-3333-4444-555555555555 -ClientId dt0s02.EMULATOR -ClientSecret $script:Secret -TokenEndpoint $script:TokenEndpoint -ApiUrl $script:Url | Out-Null
        $first = Initialize-DtAwsOnboarding -EnvironmentUrl $script:Url -EnvironmentId abc12345
        $first.Token | Should -BeOfType [securestring]
        (Initialize-DtAwsOnboarding -EnvironmentUrl $script:Url -EnvironmentId abc12345).Changed | Should -BeFalse
    }

    It 'reads the external id of a classic environment with an API token' {
        Connect-DtEnvironment -EnvironmentUrl "$($script:Url)e/abc12345" -ApiToken (ConvertTo-SecureString 'dt0c01.EMULATOR.local-api-token' -AsPlainText -Force) | Out-Null
        (Get-DtAwsIamExternalId).ExternalId | Should -Not -BeNullOrEmpty
    }

    It 'changes classic credentials from CSV rows only where a row differs, and a blank cell changes nothing' {
        Connect-DtEnvironment -EnvironmentUrl "$($script:Url)e/abc12345" -ApiToken (ConvertTo-SecureString 'dt0c01.EMULATOR.local-api-token' -AsPlainText -Force) | Out-Null
        $created = 'Name,AccountId', 'csv-credential,345678901234' | ConvertFrom-Csv | New-DtAwsCredential
        Reset-EmulatorLog
        $same = "Id,Label,AccountId", "$($created.Id),csv-credential," | ConvertFrom-Csv | Set-DtAwsCredential
        $same.AccountId | Should -Be '345678901234'
        Get-EmulatorWrites | Should -BeNullOrEmpty
        $renamed = "Id,Label,AccountId", "$($created.Id),csv-renamed," | ConvertFrom-Csv | Set-DtAwsCredential
        $renamed.Label | Should -Be 'csv-renamed'
        @(Get-EmulatorWrites | Where-Object Method -EQ PUT).Count | Should -Be 1
    }

    It 'lists the member accounts of an organizational unit for Register-DtAwsAccount, with no Dynatrace environment connected' {
        Disconnect-DtEnvironment
        $accounts = Get-DtAwsOrganizationAccount -EndpointUrl $script:Url | Where-Object OrganizationalUnitPath -EQ 'Root/Workloads'
        $accounts.AccountId | Should -Be @('200000000001', '200000000002', '200000000003')
    }

    It 'syncs the OUs of a CSV file into one report, and a row naming an unknown OU fails alone' {
        Connect-DtEnvironment -EnvironmentUrl $script:Url -Token $script:Token -EnvironmentId abc12345 | Out-Null
        $report = Join-Path $TestDrive 'sync.md'
        $unit = (Get-DtAwsOrganizationAccount -EndpointUrl $script:Url | Where-Object OrganizationalUnitPath -EQ 'Root/Workloads')[0].OrganizationalUnitId
        $rows = 'OrganizationalUnitId', 'ou-emu1-99999999', $unit, $unit | ConvertFrom-Csv
        $results = $rows | Sync-DtAwsOrganization -EndpointUrl $script:Url -ReportPath $report -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OrganizationalUnitNotFound,*'
        ($results | Where-Object Status -NE Departed).AccountId | Sort-Object -Unique | Should -Be @('200000000001', '200000000002', '200000000003')
        $departed = @($results | Where-Object Status -EQ Departed)
        $departed.Count | Should -BeGreaterThan 0
        $departed.AccountId | Group-Object | Where-Object Count -GT 1 | Should -BeNullOrEmpty
        $text = Get-Content $report -Raw
        $text | Should -Match 'ou-emu1-99999999 \(could not be read\)'
        $text | Should -Match ([regex]::Escape($unit))
    }
}
