# What the cmdlets give back: one meaning of -Region; one vocabulary (Changed on what a command
# creates or changes, the same names for the same things, ids named for what they identify); results
# ready for reports (every output type of the module through ConvertTo-Json and Export-Csv, the
# -ReportPath of the bulk commands, Test-DtAwsAccount's one row per account, progress and summaries);
# the CSV chain dropping nothing; a connection that cannot tell its account; warnings said once per
# run. Runs against the built module and the emulator that tests/DynatraceAws.Published.Tests/PesterRun.cs
# starts (see Module.Tests.ps1); the names and accounts it makes are its own.

BeforeDiscovery {
    # One It per output type of the module; "has an object of every output type" fails when the module declares one this list lacks.
    $script:OutputTypes = @(
        'AccountResult', 'AccountTestResult', 'AwsConnection', 'AwsCredential', 'AwsCredentialValidation', 'AwsIamExternalId',
        'DynatraceAccount', 'DynatraceEnvironment', 'ExtensionVersion', 'IamGroup', 'IamPolicy', 'MonitoringConfiguration',
        'MonitoringConfigurationStatus', 'MonitoringRole', 'NewPlatformToken', 'OnboardingPrerequisites', 'OrganizationAccount',
        'PlatformToken', 'PolicyBinding', 'RemovalResult', 'ServiceUser', 'SyncResult'
    ) | ForEach-Object { @{ Name = $_ } }
}

BeforeAll {
    Import-Module (Join-Path $env:DYNATRACEAWS_MODULE 'DynatraceAws.psd1') -Force
    $script:Url = $env:DYNATRACEAWS_EMULATOR
    $script:Token = ConvertTo-SecureString $env:DYNATRACEAWS_TOKEN -AsPlainText -Force
    Connect-DtEnvironment -EnvironmentUrl $script:Url -Token $script:Token -EnvironmentId abc12345 | Out-Null
    $script:SavedKeys = $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY
    # The emulator's demo account, the management account of its organization; EmulatorProcess.cs gives it members 200000000001..3.
    $env:AWS_ACCESS_KEY_ID = 'AKIDEMU123456789012'
    $env:AWS_SECRET_ACCESS_KEY = 'emu-secret-123456789012'
    $script:Members = '200000000001', '200000000002', '200000000003'
    $script:Aws = @{ EndpointUrl = $script:Url; AssumeRoleName = 'OrganizationAccountAccessRole' }
    $script:Suffix = [guid]::NewGuid().ToString('N').Substring(0, 6)
    # Accounts only Dynatrace hears of: a connection and a configuration need no AWS account behind them.
    function script:New-AccountId { '31' + (-join (1..10 | ForEach-Object { Get-Random -Maximum 10 })) }
    function script:Get-EmulatorWrites { $requests = Invoke-RestMethod -Uri "$($script:Url)_emulator/requests"; $requests | Where-Object IsWrite }
    function script:Reset-EmulatorLog { Invoke-RestMethod -Method Delete -Uri "$($script:Url)_emulator/requests" | Out-Null }
}

AfterAll {
    $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY = $script:SavedKeys
}

Describe 'One meaning of -Region' {
    It 'is the regions to monitor wherever it is, and -EndpointRegion the AWS endpoint region, as the help says' {
        foreach ($command in Get-Command -Module DynatraceAws) {
            if ($command.Parameters['Region']) { $command.Parameters['Region'].ParameterType | Should -Be ([string[]]) -Because $command.Name }
        }
        (Get-Command Test-DtAwsAccount).Parameters.Keys | Should -Not -Contain 'Region'
        (Get-Help Register-DtAwsAccount -Parameter Region).description.Text -join ' ' | Should -Match 'monitor'
        (Get-Help Unregister-DtAwsAccount -Parameter EndpointRegion).description.Text -join ' ' | Should -Match 'AWS\.Tools'

        # The preference rather than -Debug, which makes a compiled cmdlet inquire in Windows PowerShell and non-interactive pwsh.
        $debug = & { $DebugPreference = 'Continue'; Test-DtAwsAccount -AccountId 200000000001 @script:Aws -EndpointRegion eu-west-1 5>&1 } |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        "$debug" | Should -Match 'region eu-west-1 from the parameter'
    }
}

Describe 'One vocabulary for outputs' {
    It 'says Changed on each object of the CSV chain, and False for all of them on a rerun' {
        $name = "outputs-$script:Suffix"
        $role = @{ RoleName = "Outputs$script:Suffix"; PolicyNamePrefix = "Outputs$script:Suffix-"; EndpointUrl = $script:Url }
        $first = New-DtAwsConnection -Name $name -AccountId 123456789012 | New-DtMonitoringRole @role -OutVariable roles | Set-DtConnectionRoleArn
        $roles[0].Changed, $first.Changed | Should -Be @($true, $true)
        $connection = Get-DtAwsConnection -Name $name
        $connection.ConnectionName | Should -Be $name
        $connection.PSObject.Properties.Name | Should -Not -Contain 'Name'
        $connection.Changed | Should -BeFalse

        Reset-EmulatorLog
        $again = New-DtAwsConnection -Name $name -AccountId 123456789012 -OutVariable connections | New-DtMonitoringRole @role -OutVariable roles | Set-DtConnectionRoleArn
        $connections[0].Changed, $roles[0].Changed, $again.Changed | Should -Be @($false, $false, $false)
        Get-EmulatorWrites | Should -BeNullOrEmpty
    }

    It 'writes what Set-, Disable- and Enable-DtMonitoringConfiguration leave, without -PassThru, with Changed' {
        $configuration = New-DtAwsConnection -Name "set-$script:Suffix" -AccountId (New-AccountId) | New-DtMonitoringConfiguration -Region us-east-1
        $configuration.Changed | Should -BeTrue

        $set = $configuration | Set-DtMonitoringConfiguration -Region us-east-1, eu-west-1
        $set.Changed | Should -BeTrue
        $set.Region | Should -Be @('us-east-1', 'eu-west-1')
        ($configuration | Set-DtMonitoringConfiguration -Region us-east-1, eu-west-1).Changed | Should -BeFalse
        ($configuration | Disable-DtMonitoringConfiguration).Enabled | Should -BeFalse
        ($configuration | Enable-DtMonitoringConfiguration).Changed | Should -BeTrue
        ($configuration | Enable-DtMonitoringConfiguration).Changed | Should -BeFalse
    }

    It 'names id parameters for what they identify, and the old names still bind' {
        (Get-Command Get-DtIamPolicy).Parameters['PolicyUuid'].Aliases | Should -Contain 'Uuid'
        (Get-Command Get-DtAwsCredential).Parameters['CredentialId'].Aliases | Should -Contain 'Id'
        Connect-DtAccount -AccountUuid 11111111-2222-3333-4444-555555555555 -ClientId dt0s02.EMULATOR -TokenEndpoint "$($script:Url)sso/oauth2/token" `
            -ClientSecret (ConvertTo-SecureString 'dt0s02.EMULATOR.local-client-secret' -AsPlainText -Force) -ApiUrl $script:Url | Out-Null
        $policy = New-DtIamPolicy -Name "vocabulary-$script:Suffix" -StatementQuery 'ALLOW settings:objects:read;'
        (Get-DtIamPolicy -Uuid $policy.Uuid).Name | Should -Be $policy.Name
        ($policy | Get-DtIamPolicy).Name | Should -Be $policy.Name
    }

    It 'gives the per-account results of the bulk commands the same names for the same things' {
        $common = 'AccountId', 'ConnectionName', 'Status', 'Error', 'ErrorId', 'DurationSeconds'
        foreach ($command in 'Register-DtAwsAccount', 'Unregister-DtAwsAccount', 'Test-DtAwsAccount', 'Sync-DtAwsOrganization') {
            $names = (Get-Command $command).OutputType.Type.GetProperties().Name
            foreach ($name in $common) { $names | Should -Contain $name -Because $command }
        }
    }
}

Describe 'Results ready for reports' {
    BeforeAll {
        # One object of every output type the module declares, from real runs against the emulator.
        $script:Reports = Join-Path $TestDrive 'reports'
        New-Item -ItemType Directory $script:Reports | Out-Null
        $objects = [System.Collections.Generic.List[object]]::new()
        function script:Add-Sample { process { if ($_) { $objects.Add($_) } } }

        Connect-DtEnvironment -EnvironmentUrl $script:Url -Token $script:Token -EnvironmentId abc12345 | Add-Sample
        $connection = New-DtAwsConnection -Name "report-$script:Suffix" -AccountId (New-AccountId) -Region eu-west-1 -FeatureSet EC2_essential
        $connection | Add-Sample
        $configuration = $connection | New-DtMonitoringConfiguration -WarningAction SilentlyContinue
        $configuration | Add-Sample
        $configuration | Get-DtMonitoringConfigurationStatus | Add-Sample
        Get-DtExtensionSchemaVersion | Add-Sample
        New-DtAwsConnection -Name "report-role-$script:Suffix" -AccountId 123456789012 |
            New-DtMonitoringRole -RoleName "Report$script:Suffix" -PolicyNamePrefix "Report$script:Suffix-" -EndpointUrl $script:Url | Add-Sample
        Get-DtAwsOrganizationAccount -EndpointUrl $script:Url | Select-Object -First 1 | Add-Sample

        $rows = $script:Members | ForEach-Object { [pscustomobject]@{ AccountId = $_; Region = 'eu-west-1;eu-central-1' } }
        $rows | Register-DtAwsAccount @script:Aws -WhatIf -ReportPath (Join-Path $script:Reports 'register.md') -WarningAction SilentlyContinue | Add-Sample
        $script:Tested = $rows | Test-DtAwsAccount @script:Aws -ReportPath (Join-Path $script:Reports 'test.md')
        $script:Tested | Add-Sample
        $rows | Unregister-DtAwsAccount @script:Aws -WhatIf -ReportPath (Join-Path $script:Reports 'unregister.md') -WarningAction SilentlyContinue | Add-Sample
        $unit = (Get-DtAwsOrganizationAccount -EndpointUrl $script:Url | Where-Object OrganizationalUnitPath -EQ 'Root/Workloads')[0].OrganizationalUnitId
        Sync-DtAwsOrganization $unit -EndpointUrl $script:Url -WhatIf -WarningAction SilentlyContinue | Add-Sample

        $secret = ConvertTo-SecureString 'dt0s02.EMULATOR.local-client-secret' -AsPlainText -Force
        Connect-DtAccount -AccountUuid 11111111-2222-3333-4444-555555555555 -ClientId dt0s02.EMULATOR -ClientSecret $secret `
            -TokenEndpoint "$($script:Url)sso/oauth2/token" -ApiUrl $script:Url | Add-Sample
        Get-DtIamPolicy | Select-Object -First 1 | Add-Sample
        $group = New-DtIamGroup -Name "report-$script:Suffix"
        $group | Add-Sample
        Grant-DtPolicyBinding -PolicyName 'Settings Reader' -GroupUuid $group.Uuid | Add-Sample
        Initialize-DtAwsOnboarding -EnvironmentUrl $script:Url -EnvironmentId abc12345 -WarningAction SilentlyContinue | Add-Sample
        $user = Get-DtServiceUser | Select-Object -First 1
        $user | Add-Sample
        $user | New-DtPlatformToken -Name "report-$script:Suffix" -Scope settings:objects:read -EnvironmentId abc12345 | Add-Sample
        Get-DtPlatformToken | Select-Object -First 1 | Add-Sample

        Connect-DtEnvironment -EnvironmentUrl "$($script:Url)e/abc12345" -ApiToken (ConvertTo-SecureString 'dt0c01.EMULATOR.local-api-token' -AsPlainText -Force) | Out-Null
        Get-DtAwsIamExternalId | Add-Sample
        New-DtAwsCredential -Label "report-$script:Suffix" -AccountId 345678901234 -TaggedOnly -TagToMonitor @{ team = 'payments'; env = 'prod' } | Add-Sample
        Test-DtAwsCredential -Label "report-$script:Suffix" -AccountId 345678901234 | Add-Sample
        Connect-DtEnvironment -EnvironmentUrl $script:Url -Token $script:Token -EnvironmentId abc12345 | Out-Null

        $script:Samples = @{}
        foreach ($object in $objects) { $script:Samples[$object.PSObject.BaseObject.GetType().Name] = $object }
    }

    It 'has an object of every output type to check, and a case for each' -ForEach @{ Cases = $script:OutputTypes.Name } {
        $types = Get-Command -Module DynatraceAws | ForEach-Object OutputType | ForEach-Object Type | Where-Object { $_ -and $_ -ne [void] } |
            ForEach-Object Name | Sort-Object -Unique
        $types | Where-Object { -not $script:Samples.ContainsKey($_) } | Should -BeNullOrEmpty
        $types | Should -Be ($Cases | Sort-Object)
    }

    It 'round-trips <Name> through ConvertTo-Json and Export-Csv: text for statuses, arrays and "; " lists, seconds as numbers' -ForEach $script:OutputTypes {
        $sample = $script:Samples[$Name]
        $Type = $sample.PSObject.BaseObject.GetType()
        $json = ConvertTo-Json -InputObject $sample -Depth 4 | ConvertFrom-Json
        $row = $sample | ConvertTo-Csv | ConvertFrom-Csv
        foreach ($property in $Type.GetProperties()) {
            $name = $property.Name
            $kind = [Nullable]::GetUnderlyingType($property.PropertyType) ?? $property.PropertyType
            $value = $sample.$name
            if ($kind -eq [securestring]) { continue }    # a secret is no report's business
            "$($row.$name)" | Should -Not -Match '^System\.|`\d\[' -Because "Export-Csv writes $name as text"
            if ($null -eq $value) { continue }
            switch ($kind) {
                { $_ -eq [string] } { $json.$name | Should -BeExactly $value -Because "$name is text in JSON"; break }
                { $_ -eq [bool] } { $json.$name | Should -Be $value; break }
                { $_ -eq [double] } { $json.$name | Should -BeOfType [double] -Because "$name is seconds"; break }
                { $_.Name -eq 'ReportDictionary' } { $row.$name | Should -Be "$value"; break }
                { $_.Name -like 'ReportList*' -or $_.Name -eq 'ChangeList' } {
                    @($json.$name).Count | Should -Be $value.Count -Because "$name is an array in JSON"
                    @($row.$name -split '; ' | Where-Object { $_ }) | Should -Be @($value | ForEach-Object ToString) -Because "$name is its items in CSV"
                    break
                }
            }
        }
    }

    It 'writes the report of Register-, Test- and Unregister-DtAwsAccount to -ReportPath, as Sync-DtAwsOrganization does' {
        $register = Get-Content (Join-Path $script:Reports 'register.md') -Raw
        $register | Should -Match '^## Register-DtAwsAccount \(plan, nothing written\): '
        foreach ($member in $script:Members) { $register | Should -Match "\| $member \| " }
        Get-Content (Join-Path $script:Reports 'test.md') -Raw | Should -Match '(?m)^\| Account \| Connection \| Status \| Failed checks \| Error \|$'
        Get-Content (Join-Path $script:Reports 'unregister.md') -Raw | Should -Match '^## Unregister-DtAwsAccount \(plan, nothing written\): '
    }

    It 'returns one row per account from Test-DtAwsAccount, with its checks one property away' {
        $script:Tested.AccountId | Should -Be $script:Members
        foreach ($result in $script:Tested) {
            $result.Status | Should -BeIn 'Pass', 'Drift'
            $result.Checks.Check | Should -Contain 'ConnectionExists'
            $result.FailedChecks | ForEach-Object { $_ | Should -BeIn ($result.Checks | Where-Object Result -EQ Fail).Check }
        }
    }

    It 'shows the progress of Test- and Unregister-DtAwsAccount account by account, and sums each run up' {
        # Progress records reach a host, not a redirection: a PowerShell of its own keeps them in its streams.
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($Module, $Url, $Token, $Members)
                    Import-Module $Module
                    Connect-DtEnvironment -EnvironmentUrl $Url -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -EnvironmentId abc12345 | Out-Null
                    $aws = @{ EndpointUrl = $Url; AssumeRoleName = 'OrganizationAccountAccessRole' }
                    $rows = $Members | ForEach-Object { [pscustomobject]@{ AccountId = $_ } }
                    $rows | Test-DtAwsAccount @aws | Out-Null
                    $rows | Unregister-DtAwsAccount @aws -WhatIf -WarningAction SilentlyContinue | Out-Null
                }).AddArgument((Join-Path $env:DYNATRACEAWS_MODULE 'DynatraceAws.psd1')).AddArgument($script:Url).AddArgument($env:DYNATRACEAWS_TOKEN).AddArgument($script:Members)
            $shell.Invoke() | Out-Null
            $shell.HadErrors | Should -BeFalse -Because ($shell.Streams.Error -join "`n")
            foreach ($activity in 'Testing AWS accounts', 'Offboarding AWS accounts') {
                $progress = @($shell.Streams.Progress | Where-Object Activity -EQ $activity)
                ($progress | Where-Object RecordType -EQ Processing).StatusDescription | Should -Be @(
                    "0 done; $($script:Members[0])", "1 done; $($script:Members[1])", "2 done; $($script:Members[2])")
                $progress[-1].RecordType | Should -Be 'Completed'
            }
            $summaries = $shell.Streams.Information | ForEach-Object { "$($_.MessageData)" } | Where-Object { $_ -like '3 account(s) in *' }
            $summaries.Count | Should -Be 2
            $summaries[0] | Should -Match ': (pass|drift) \d.*failed 0\.$'
        }
        finally {
            $shell.Dispose()
        }
    }
}

Describe 'The CSV chain keeps what the user gave' {
    It 'carries every column New-DtMonitoringConfiguration reads across the cmdlets before it, lists as text' {
        $csv = @"
AccountId,Name,Region,FeatureSet,Description,DeploymentRegion
$(New-AccountId),carry-$script:Suffix,eu-west-1;eu-central-1,EC2_essential;Lambda_essential,carried-$script:Suffix,eu-central-1
"@ | ConvertFrom-Csv
        $connection = $csv | New-DtAwsConnection
        ($connection | ConvertTo-Csv | ConvertFrom-Csv).Region | Should -Be 'eu-west-1; eu-central-1'
        $configuration = $connection | New-DtMonitoringConfiguration -WarningAction SilentlyContinue
        $configuration.Region | Should -Be @('us-east-1', 'eu-west-1', 'eu-central-1')
        $configuration.FeatureSet | Should -Be @('EC2_essential', 'Lambda_essential')
        $configuration.Description | Should -Be "carried-$script:Suffix"
        $configuration.DeploymentRegion | Should -Be 'eu-central-1'

        # The AWS hops carry the same columns (account 123456789012 keeps its own configuration).
        $row = [pscustomobject]@{ AccountId = '123456789012'; Name = "carry-aws-$script:Suffix"; Region = 'eu-west-1'; FeatureSet = 'S3_essential'; Description = 'carried'; DeploymentRegion = 'eu-west-1' }
        $set = $row | New-DtAwsConnection | New-DtMonitoringRole -RoleName "Carry$script:Suffix" -PolicyNamePrefix "Carry$script:Suffix-" -EndpointUrl $script:Url |
            Set-DtConnectionRoleArn
        $set.Region, $set.FeatureSet, $set.Description, $set.DeploymentRegion | ForEach-Object { "$_" } | Should -Be @('eu-west-1', 'S3_essential', 'carried', 'eu-west-1')
    }

    It 'says which parameter to give when a piped connection cannot tell its account' {
        $name = "no-role-$script:Suffix"
        New-DtAwsConnection -Name $name -AccountId 200000000001 | Out-Null
        Get-DtAwsConnection -Name $name | New-DtMonitoringRole -EndpointUrl $script:Url -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'AccountIdRequired,DynatraceAws.Commands.NewDtMonitoringRoleCommand'
        "$($failures[0])" | Should -Match "AWS connection '$name' has no role ARN yet"
        $failures[0].ErrorDetails.RecommendedAction | Should -Match '-AccountId'
    }
}

Describe 'Warnings said once per run' {
    It 'warns once that us-east-1 was added, for 50 rows of New- and of Set-DtMonitoringConfiguration' {
        $rows = 1..50 | ForEach-Object { [pscustomobject]@{ AccountId = New-AccountId; Name = "warn-$script:Suffix-$_"; Region = 'eu-west-1' } }
        $configurations = $rows | New-DtAwsConnection | New-DtMonitoringConfiguration -WarningVariable created 3>$null
        $configurations.Count | Should -Be 50
        @($created).Count | Should -Be 1
        "$created" | Should -Match 'Added us-east-1 to the regions of 50 account\(s\) \(\d{12}, .* and 45 more\)'

        $configurations | Set-DtMonitoringConfiguration -Region eu-central-1 -WarningVariable changed 3>$null | Out-Null
        @($changed).Count | Should -Be 1
        "$changed" | Should -Match 'of 50 account\(s\)'
    }

    It 'warns once of the onboarded accounts that are not in the organization, however many Sync-DtAwsOrganization finds' {
        # The accounts of the configurations above are onboarded in Dynatrace and in no organization.
        $unit = (Get-DtAwsOrganizationAccount -EndpointUrl $script:Url | Where-Object OrganizationalUnitPath -EQ 'Root/Workloads')[0].OrganizationalUnitId
        $results = Sync-DtAwsOrganization $unit -EndpointUrl $script:Url -WhatIf -WarningVariable warnings 3>$null
        $departed = @($results | Where-Object Status -EQ Departed)
        $departed.Count | Should -BeGreaterThan 49
        @($warnings).Count | Should -Be 1
        "$warnings" | Should -Match "^$($departed.Count) account\(s\) \(\d{12}, .* more\) onboarded in Dynatrace are no longer in the organization; -RemoveDeparted offboards them\.$"
    }
}
