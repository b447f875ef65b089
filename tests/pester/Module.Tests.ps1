# Runs against the built module and a running emulator; tests/DynatraceAws.Published.Tests/PesterRun.cs
# starts both and passes them in DYNATRACEAWS_MODULE, DYNATRACEAWS_EMULATOR and DYNATRACEAWS_TOKEN.

BeforeAll {
    Import-Module (Join-Path $env:DYNATRACEAWS_MODULE 'DynatraceAws.psd1') -Force
    $script:Url = $env:DYNATRACEAWS_EMULATOR
    $script:Token = ConvertTo-SecureString $env:DYNATRACEAWS_TOKEN -AsPlainText -Force
    . (Join-Path $PSScriptRoot 'Emulator.ps1')
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

Describe 'Sessions' {
    It 'returns nothing from Get-DtEnvironment and Get-DtAccount when nothing is connected, as Get-AzContext does' {
        Disconnect-DtEnvironment
        Disconnect-DtAccount
        Get-DtEnvironment -ErrorVariable failures | Should -BeNullOrEmpty
        Get-DtAccount -ErrorVariable +failures | Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty
        { Get-DtExtensionSchemaVersion } | Should -Throw -ErrorId 'NotConnected,DynatraceAws.Commands.GetDtExtensionSchemaVersionCommand'
    }

    It 'connects from the CI variables, DT_ENVIRONMENT_ID naming the environment when the address does not' {
        Disconnect-DtEnvironment
        try {
            $env:DT_ENVIRONMENT_URL = $script:Url
            $env:DT_PLATFORM_TOKEN = $env:DYNATRACEAWS_TOKEN
            (Get-DtEnvironment).EnvironmentId | Should -Be 'local'
            Disconnect-DtEnvironment
            $env:DT_ENVIRONMENT_ID = 'ci123456'
            (Get-DtEnvironment).EnvironmentId | Should -Be 'ci123456'
        }
        finally {
            Remove-Item Env:DT_ENVIRONMENT_URL, Env:DT_PLATFORM_TOKEN, Env:DT_ENVIRONMENT_ID -ErrorAction Ignore
            Disconnect-DtEnvironment
        }
    }

    It 'shows the account of Connect-DtAccount without its secret until Disconnect-DtAccount forgets it' {
        $secret = 'dt0s02.EMULATOR.local-client-secret'
        Connect-DtAccount -AccountUuid 11111111-2222-3333-4444-555555555555 -ClientId dt0s02.EMULATOR -TokenEndpoint "$($script:Url)sso/oauth2/token" `
            -ClientSecret (ConvertTo-SecureString $secret -AsPlainText -Force) -ApiUrl $script:Url | Out-Null
        $account = Get-DtAccount
        $account.AccountUuid | Should -Be '11111111-2222-3333-4444-555555555555'
        ($account | Out-String) + ($account | ConvertTo-Json -Depth 3) | Should -Not -Match ([regex]::Escape($secret))

        Disconnect-DtAccount -WhatIf
        Get-DtAccount | Should -Not -BeNullOrEmpty
        Disconnect-DtAccount
        Get-DtAccount | Should -BeNullOrEmpty
        { Get-DtIamPolicy } | Should -Throw -ErrorId 'NotConnectedToAccount,DynatraceAws.Commands.GetDtIamPolicyCommand'
        Get-DtIamPolicy -AccountConnection $account | Should -Not -BeNullOrEmpty
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
        $text | Should -Match 'ConnectionName\s+AccountId\s+RoleArn\s+Changed\s+ConnectionId'
        $text | Should -Match 'table-view\s+222222222222'
    }

    It 'reads the active da-aws version' {
        (Get-DtExtensionSchemaVersion).ActiveVersion | Should -Not -BeNullOrEmpty
    }
}

Describe 'The CSV chain and Register-DtAwsAccount' {
    BeforeAll {
        Connect-DtEnvironment -EnvironmentUrl $script:Url -Token $script:Token -EnvironmentId abc12345 | Out-Null
        # The emulator's demo account; EmulatorProcess.cs gives it three member accounts 200000000001..3.
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

    It 'makes no role for a connection id the environment does not have, nor for another account''s connection' {
        Reset-EmulatorLog
        New-DtMonitoringRole -AccountId 123456789012 -ConnectionId 'typo-not-a-connection' @script:Aws -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionNotFound,*'
        $chain = Get-DtAwsConnection -Name chain-demo
        New-DtMonitoringRole -AccountId 210987654321 -ConnectionId $chain.ConnectionId @script:Aws -ErrorVariable another -ErrorAction SilentlyContinue
        $another[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionOfAnotherAccount,*'
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

        # The later specs find the account as it was.
        (Unregister-DtAwsAccount -AccountId 200000000003 @script:Aws -AssumeRoleName OrganizationAccountAccessRole -Force).Status | Should -Be 'Removed'
    }

    It 'offboards with Unregister-DtAwsAccount: -WhatIf plans without writing, -Force removes, after which Test-DtAwsAccount finds nothing' {
        Reset-EmulatorLog
        $planned = Unregister-DtAwsAccount -AccountId 200000000002 @script:Aws -AssumeRoleName OrganizationAccountAccessRole -Force -WhatIf
        $planned.Status | Should -Be 'Planned'
        "$($planned.Changes)" | Should -BeLike 'Dynatrace: delete monitoring configuration*AWS: delete policy DynatraceMonitoringPolicy-2'
        Get-EmulatorWrites | Should -BeNullOrEmpty

        $removed = Unregister-DtAwsAccount -AccountId 200000000002 @script:Aws -AssumeRoleName OrganizationAccountAccessRole -Force
        $removed.Status | Should -Be 'Removed'
        $removed.Changes.Count | Should -Be $planned.Changes.Count
        Reset-EmulatorLog
        (Unregister-DtAwsAccount -AccountId 200000000002 @script:Aws -AssumeRoleName OrganizationAccountAccessRole -Force).Status | Should -Be 'NothingToRemove'
        Get-EmulatorWrites | Should -BeNullOrEmpty
        $test = Test-DtAwsAccount -AccountId 200000000002 @script:Aws -AssumeRoleName OrganizationAccountAccessRole
        $test.Status | Should -Be 'Drift'
        $test.FailedChecks | Should -Contain 'ConnectionExists'
        ($test.Checks | Where-Object Check -EQ RoleExists).Result | Should -Be 'Fail'
    }
}

Describe 'AWS.Tools habits' {
    BeforeAll {
        Connect-DtEnvironment -EnvironmentUrl $script:Url -Token $script:Token -EnvironmentId abc12345 | Out-Null
        # The emulator's demo account, the management account of its organization.
        $script:AccessKey = 'AKIDEMU123456789012'
        $script:SecretKey = 'emu-secret-123456789012'
        # No keys in the environment: what a call uses comes from the habit under test.
        $script:SavedKeys = $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY
        Remove-Item Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY -ErrorAction Ignore

        # Set-AWSCredential keeps an AWSPSCredentials, its SDK credentials in a non-public Credentials
        # property; these stand-ins have AWS.Tools' names and shape, and no AWSSDK.Core of their own.
        if (-not ('Amazon.PowerShell.Common.AWSPSCredentials' -as [type])) {
            Add-Type -TypeDefinition @'
namespace Amazon.PowerShell.Common
{
    public sealed class ImmutableCredentials
    {
        public ImmutableCredentials(string accessKey, string secretKey) { AccessKey = accessKey; SecretKey = secretKey; }
        public string AccessKey { get; }
        public string SecretKey { get; }
        public string Token => null;
    }

    public sealed class BasicAWSCredentials
    {
        private readonly ImmutableCredentials _keys;
        public BasicAWSCredentials(string accessKey, string secretKey) { _keys = new ImmutableCredentials(accessKey, secretKey); }
        public ImmutableCredentials GetCredentials() => _keys;
    }

    public sealed class AWSPSCredentials
    {
        public AWSPSCredentials(BasicAWSCredentials credentials) { Credentials = credentials; }
        internal BasicAWSCredentials Credentials { get; }
    }
}
'@
        }
        function script:Get-DebugText([scriptblock] $Command) {
            (& $Command 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message -join "`n"
        }
    }

    AfterAll {
        $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY = $script:SavedKeys
    }

    It 'takes -SecretKey and -SessionToken as plain text, as a pasted AWS.Tools command gives them, and echoes neither' {
        (Get-DtAwsOrganizationAccount -AccessKey $AccessKey -SecretKey $SecretKey -EndpointUrl $Url).AccountId | Should -Contain '200000000001'
        $secure = ConvertTo-SecureString $SecretKey -AsPlainText -Force
        (Get-DtAwsOrganizationAccount -AK $AccessKey -SK $secure -EndpointUrl $Url).AccountId | Should -Contain '200000000001'

        $token = 'not-a-session-of-these-keys-7Qx9'
        Get-DtAwsOrganizationAccount -AccessKey $AccessKey -SecretKey $SecretKey -SessionToken $token -EndpointUrl $Url -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OrganizationsUnrecognizedClient,*'
        $text = ($failures | Out-String) + $failures[0].ErrorDetails.Message + $failures[0].Exception
        $text | Should -Not -Match $token
        $text | Should -Not -Match $SecretKey

        { Get-DtAwsOrganizationAccount -AccessKey $AccessKey -SecretKey 424242424242 -EndpointUrl $Url } |
            Should -Throw -ExpectedMessage '*Pass a string or a SecureString*'
        try { Get-DtAwsOrganizationAccount -AccessKey $AccessKey -SecretKey 424242424242 -EndpointUrl $Url } catch { "$_" | Should -Not -Match '424242424242' }
    }

    It 'uses Set-AWSCredential and Set-DefaultAWSRegion where no parameter names credentials or a region, and a parameter still wins' {
        # What Set-AWSCredential and Set-DefaultAWSRegion leave in the caller's scope.
        $StoredAWSCredentials = [Amazon.PowerShell.Common.AWSPSCredentials]::new([Amazon.PowerShell.Common.BasicAWSCredentials]::new($AccessKey, $SecretKey))
        $StoredAWSRegion = 'eu-west-1'

        $debug = Get-DebugText { (Get-DtAwsOrganizationAccount -EndpointUrl $Url -Debug).AccountId | Should -Contain '200000000001' }
        $debug | Should -Match 'AWS credentials from \$StoredAWSCredentials \(Set-AWSCredential\); region eu-west-1 from \$StoredAWSRegion'

        $debug = Get-DebugText { Test-DtAwsAccount -AccountId 123456789012 -AccessKey $AccessKey -SecretKey $SecretKey -EndpointRegion us-west-2 -EndpointUrl $Url -Debug | Out-Null }
        $debug | Should -Match 'AWS credentials from -AccessKey/-SecretKey; region us-west-2 from the parameter'
    }

    It 'calls the endpoint AWS_ENDPOINT_URL_<SERVICE> or AWS_ENDPOINT_URL names, and -EndpointUrl still wins' {
        $nowhere = 'http://127.0.0.1:9/'
        try {
            $env:AWS_ENDPOINT_URL = $Url
            (Get-DtAwsOrganizationAccount -AccessKey $AccessKey -SecretKey $SecretKey).AccountId | Should -Contain '200000000001'
            # STS and IAM too: the role's plan assumes a role in the member account and reads there, writing nothing.
            New-DtAwsConnection -Name 'endpoint-variables' -AccountId 200000000003 |
                New-DtMonitoringRole -AccessKey $AccessKey -SecretKey $SecretKey -AssumeRoleName OrganizationAccountAccessRole -WhatIf -ErrorAction Stop

            $env:AWS_ENDPOINT_URL = $nowhere
            $env:AWS_ENDPOINT_URL_ORGANIZATIONS = $Url
            (Get-DtAwsOrganizationAccount -AccessKey $AccessKey -SecretKey $SecretKey).AccountId | Should -Contain '200000000001'

            $env:AWS_ENDPOINT_URL_ORGANIZATIONS = $nowhere
            (Get-DtAwsOrganizationAccount -AccessKey $AccessKey -SecretKey $SecretKey -EndpointUrl $Url).AccountId | Should -Contain '200000000001'
        }
        finally {
            Remove-Item Env:AWS_ENDPOINT_URL, Env:AWS_ENDPOINT_URL_ORGANIZATIONS -ErrorAction Ignore
        }
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
    It 'completes connection, configuration and account ids from the environment, a connection id by its name too' {
        $connection = New-DtAwsConnection -Name 'id-completion' -AccountId 456789012345
        $configuration = $connection | New-DtMonitoringConfiguration -Region eu-west-1 -WarningAction SilentlyContinue
        Complete "Remove-DtAwsConnection -ConnectionId $($connection.ConnectionId.Substring(0, 16))" | Should -Contain $connection.ConnectionId
        Complete 'Set-DtConnectionRoleArn -ConnectionId id-compl' | Should -Be $connection.ConnectionId
        Complete "Disable-DtMonitoringConfiguration -ConfigurationId $($configuration.ConfigurationId.Substring(0, 16))" | Should -Be $configuration.ConfigurationId
        Complete 'Unregister-DtAwsAccount -AccountId 4567890' | Should -Be '456789012345'
        $listed = (TabExpansion2 -inputScript ($line = 'Get-DtMonitoringConfiguration -ConnectionId id-compl') -cursorColumn $line.Length).CompletionMatches
        $listed.ListItemText | Should -Be 'id-completion'
    }
    It 'completes no id, and reports nothing, without an environment' {
        Disconnect-DtEnvironment
        try {
            $line = 'Get-DtAwsConnection -ConnectionId '
            $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length -ErrorVariable failures
            $result.CompletionMatches | Should -BeNullOrEmpty
            $failures | Should -BeNullOrEmpty
        }
        finally {
            Connect-DtEnvironment -EnvironmentUrl $script:Url -Token $script:Token -EnvironmentId abc12345 | Out-Null
        }
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

    It 'creates classic credentials once: a rerun of New-DtAwsCredential returns them, writes nothing and says so' {
        Connect-DtEnvironment -EnvironmentUrl "$($script:Url)e/abc12345" -ApiToken (ConvertTo-SecureString 'dt0c01.EMULATOR.local-api-token' -AsPlainText -Force) | Out-Null
        $first = New-DtAwsCredential -Label twice-credential -AccountId 345678901299
        Reset-EmulatorLog
        $verbose = New-DtAwsCredential -Label twice-credential -AccountId 345678901299 -Verbose 4>&1
        $again = $verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }

        $again.Id | Should -Be $first.Id
        Get-EmulatorWrites | Should -BeNullOrEmpty
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain "AWS credentials 'twice-credential' ($($first.Id)) already exist as asked; nothing to create."
        @(Get-DtAwsCredential -Label twice-credential).Count | Should -Be 1
    }

    It 'lists the member accounts of an organizational unit for Register-DtAwsAccount, with no Dynatrace environment connected' {
        Disconnect-DtEnvironment
        $accounts = Get-DtAwsOrganizationAccount -EndpointUrl $script:Url | Where-Object OrganizationalUnitPath -EQ 'Root/Workloads'
        $accounts.AccountId | Should -Be @('200000000001', '200000000002', '200000000003')
    }

    It 'syncs an OU without asking about onboarding (only offboarding asks), and a rerun writes nothing' {
        Connect-DtEnvironment -EnvironmentUrl $script:Url -Token $script:Token -EnvironmentId abc12345 | Out-Null
        $unit = (Get-DtAwsOrganizationAccount -EndpointUrl $script:Url | Where-Object OrganizationalUnitPath -EQ 'Root/Workloads')[0].OrganizationalUnitId
        $members = @('200000000001', '200000000002', '200000000003')
        $results = Sync-DtAwsOrganization $unit -EndpointUrl $script:Url -WarningAction SilentlyContinue
        ($results | Where-Object AccountId -In $members).Status | Should -Not -Contain 'Failed'
        ($results | Where-Object Status -EQ Onboarded).AccountId | Should -Contain '200000000003'

        Reset-EmulatorLog
        $again = Sync-DtAwsOrganization $unit -EndpointUrl $script:Url -WarningAction SilentlyContinue
        ($again | Where-Object AccountId -In $members).Status | Sort-Object -Unique | Should -Be 'InSync'
        Get-EmulatorWrites | Should -BeNullOrEmpty
    }

    It 'syncs the OUs of a CSV file into one report, and a row naming an unknown OU fails alone' {
        Connect-DtEnvironment -EnvironmentUrl $script:Url -Token $script:Token -EnvironmentId abc12345 | Out-Null
        $report = Join-Path $TestDrive 'sync.md'
        $unit = (Get-DtAwsOrganizationAccount -EndpointUrl $script:Url | Where-Object OrganizationalUnitPath -EQ 'Root/Workloads')[0].OrganizationalUnitId
        $rows = 'OrganizationalUnitId', 'ou-emu1-99999999', $unit, $unit | ConvertFrom-Csv
        Reset-EmulatorLog
        $results = $rows | Sync-DtAwsOrganization -EndpointUrl $script:Url -ReportPath $report -RemoveDeparted -KeepRole -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue
        Get-EmulatorWrites | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OrganizationalUnitNotFound,*'
        $members = @('200000000001', '200000000002', '200000000003')
        ($results | Where-Object AccountId -In $members).AccountId | Sort-Object -Unique | Should -Be $members
        $departed = @($results | Where-Object AccountId -NotIn $members)
        $departed.Count | Should -BeGreaterThan 0
        $departed.AccountId | Group-Object | Where-Object Count -GT 1 | Should -BeNullOrEmpty
        $departed | Where-Object Status -NE Planned | Should -BeNullOrEmpty
        $departed | ForEach-Object { "$($_.Changes)" | Should -BeLike 'Dynatrace: delete*' }
        "$($departed.Changes)" | Should -Not -BeLike '*AWS:*'
        $text = Get-Content $report -Raw
        $text | Should -Match 'ou-emu1-99999999 \(could not be read\)'
        $text | Should -Match ([regex]::Escape($unit))
    }
}
