# The account IAM cmdlets in CSV pipelines and reruns: they read first, so -WhatIf and -Confirm name
# only what a real run writes, and a rerun writes nothing. Runs against the built module and the
# emulator that tests/DynatraceAws.Published.Tests/PesterRun.cs starts (see Module.Tests.ps1).

BeforeAll {
    Import-Module (Join-Path $env:DYNATRACEAWS_MODULE 'DynatraceAws.psd1') -Force
    $script:Url = $env:DYNATRACEAWS_EMULATOR
    $secret = ConvertTo-SecureString 'dt0s02.EMULATOR.local-client-secret' -AsPlainText -Force
    Connect-DtAccount -AccountUuid 11111111-2222-3333-4444-555555555555 -ClientId dt0s02.EMULATOR -ClientSecret $secret `
        -TokenEndpoint "$($script:Url)sso/oauth2/token" -ApiUrl $script:Url | Out-Null
    $script:Prefix = 'iam-' + [guid]::NewGuid().ToString('N').Substring(0, 6)

    . (Join-Path $PSScriptRoot 'Emulator.ps1')
    # Invoke-RestMethod writes the JSON array as one object: the variable unrolls it.
    function script:Get-AccountRequests([string] $Method) {
        $requests = Invoke-RestMethod -Uri "$($script:Url)_emulator/requests"
        $requests | Where-Object { $_.Path -like '/iam/*' -and $_.Method -eq $Method }
    }
}

Describe 'Account IAM from CSV files' {
    It 'Get-DtIamGroup reads the groups once for all the names of a CSV file, and names a missing one' {
        $group = (New-DtIamGroup -Name "$script:Prefix-group").Name
        Reset-EmulatorLog
        $rows = 'Name', $group, "$script:Prefix-missing", "$script:Prefix-gr*" | ConvertFrom-Csv

        $found = $rows | Get-DtIamGroup -ErrorVariable failures -ErrorAction SilentlyContinue

        $found.Name | Should -Be @($group, $group)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'GroupNotFound,*'
        @(Get-AccountRequests GET).Count | Should -Be 1
    }

    It 'New-DtIamPolicy names only the rows it would create, and a rerun neither asks nor writes' {
        $existing = "$script:Prefix-existing"
        New-DtIamPolicy -Name $existing -StatementQuery 'ALLOW settings:objects:read;' | Out-Null
        $csv = @"
Name,Description,StatementQuery
$existing,,ALLOW settings:objects:read;
$script:Prefix-new,New one,ALLOW settings:objects:write;
"@ | ConvertFrom-Csv
        Reset-EmulatorLog

        $whatIf = @(Get-WhatIf { $csv | New-DtIamPolicy -WhatIf })
        $whatIf.Count | Should -Be 1
        $whatIf[0] | Should -Match "^What if: IAM policy '$script:Prefix-new' at account .+: Dynatrace: create IAM policy '$script:Prefix-new' \(ALLOW settings:objects:write;\)$"
        Get-AccountRequests -Method POST | Should -BeNullOrEmpty

        ($csv | New-DtIamPolicy).Name | Should -Be @($existing, "$script:Prefix-new")
        Reset-EmulatorLog
        # This session cannot prompt: -Confirm throws for a policy it would create, so a rerun that passes asked nothing.
        { New-DtIamPolicy -Name "$script:Prefix-prompted" -StatementQuery 'ALLOW settings:objects:read;' -Confirm } | Should -Throw
        { $csv | New-DtIamPolicy -Confirm } | Should -Not -Throw
        Get-AccountRequests -Method POST | Should -BeNullOrEmpty
    }

    It 'Set-DtIamPolicy binds Name, Description and StatementQuery by name and writes only the rows that differ' {
        New-DtIamPolicy -Name "$script:Prefix-keep" -Description 'Kept' -StatementQuery 'ALLOW settings:objects:read;' | Out-Null
        New-DtIamPolicy -Name "$script:Prefix-change" -Description 'Old' -StatementQuery 'ALLOW settings:objects:read;' | Out-Null
        $csv = @"
Name,Description,StatementQuery,LevelType,LevelId
$script:Prefix-keep,,ALLOW  settings:objects:read ;,,
$script:Prefix-change,New,ALLOW settings:objects:write;,account,
"@ | ConvertFrom-Csv
        Reset-EmulatorLog

        $whatIf = @(Get-WhatIf { $csv | Set-DtIamPolicy -WhatIf })
        $whatIf.Count | Should -Be 1
        $whatIf[0] | Should -Match "Dynatrace: update IAM policy '$script:Prefix-change' \(.+\): description 'Old'; statements .+ -> description 'New'; statements ALLOW settings:objects:write;$"

        $policies = $csv | Set-DtIamPolicy
        $policies.Description | Should -Be @('Kept', 'New')
        $policies[1].StatementQuery | Should -Be 'ALLOW settings:objects:write;'
        @(Get-AccountRequests -Method PUT).Count | Should -Be 1

        Reset-EmulatorLog
        $csv | Set-DtIamPolicy | Out-Null
        Get-AccountRequests -Method PUT | Should -BeNullOrEmpty
    }

    It 'Revoke-DtPolicyBinding takes the CSV that Grant-DtPolicyBinding reads and asks nothing for a binding already gone' {
        $group = New-DtIamGroup -Name "$script:Prefix-group"
        $csv = "PolicyName,GroupName,LevelType,LevelId`nSettings Reader,$script:Prefix-group,," | ConvertFrom-Csv

        $grant = @(Get-WhatIf { $csv | Grant-DtPolicyBinding -WhatIf })
        $grant.Count | Should -Be 1
        $grant[0] | Should -Match "Dynatrace: create binding of policy 'Settings Reader' \(.+\) to group '$script:Prefix-group' \($($group.Uuid)\)$"
        $binding = $csv | Grant-DtPolicyBinding
        $binding.GroupUuid | Should -Be $group.Uuid
        @(Get-WhatIf { $csv | Grant-DtPolicyBinding -WhatIf }).Count | Should -Be 0

        $revoke = @(Get-WhatIf { $csv | Revoke-DtPolicyBinding -WhatIf })
        $revoke.Count | Should -Be 1
        $revoke[0] | Should -Match "Dynatrace: delete binding of policy 'Settings Reader' \($($binding.PolicyUuid)\) to group '$script:Prefix-group' \($($group.Uuid)\)$"
        ($csv | Revoke-DtPolicyBinding -Force -PassThru).GroupUuid | Should -Be $group.Uuid
        Get-DtPolicyBinding -GroupUuid $group.Uuid | Should -BeNullOrEmpty

        Reset-EmulatorLog
        { $csv | Revoke-DtPolicyBinding -ErrorAction Stop } | Should -Not -Throw
        Get-AccountRequests -Method DELETE | Should -BeNullOrEmpty
    }

    It 'an empty LevelType cell is the account level; a wrong one is InvalidLevelType naming the allowed values' {
        $row = [pscustomobject]@{ Name = "$script:Prefix-level"; StatementQuery = 'ALLOW settings:objects:read;'; LevelType = ''; LevelId = '' }
        ($row | New-DtIamPolicy).LevelType | Should -Be 'account'

        $row.LevelType = 'tenant'
        $row | New-DtIamPolicy -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidLevelType,DynatraceAws.Commands.NewDtIamPolicyCommand'
        $failures[0].Exception.Message | Should -Match "LevelType 'tenant' is not one of account, environment, global"
    }

    It 'completes -LevelType' {
        $line = 'Get-DtPolicyBinding -LevelType env'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'environment'
    }

    It 'Remove-DtPlatformToken reads the token list once for all its rows' {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ TokenId = "dt0s16.GONE$_" } }
        Reset-EmulatorLog
        $rows | Remove-DtPlatformToken -Force
        @(Get-AccountRequests -Method GET | Where-Object Path -like '*/platform-tokens').Count | Should -Be 1
    }
}
