@{
    RootModule             = 'DynatraceAws.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '5d6f3c2a-8a0e-4f7b-9a51-3b1e2f7c9d40'
    Author                 = 'DynatraceAws contributors'
    CompanyName            = 'DynatraceAws contributors'
    Copyright              = '(c) DynatraceAws contributors. Licensed under the Apache License, Version 2.0.'
    Description            = 'Onboards AWS accounts into Dynatrace end to end: the AWS connection, the IAM monitoring role, the role ARN and the da-aws monitoring configuration, for one account or hundreds from a CSV.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('DynatraceAws.format.ps1xml')
    CmdletsToExport        = @(
        'Connect-DtEnvironment'
        'Disconnect-DtEnvironment'
        'Get-DtEnvironment'
        'New-DtAwsConnection'
        'New-DtMonitoringRole'
        'Set-DtConnectionRoleArn'
        'Get-DtExtensionSchemaVersion'
        'Install-DtExtension'
        'New-DtMonitoringConfiguration'
        'Register-DtAwsAccount'
        'Unregister-DtAwsAccount'
        'Test-DtAwsAccount'
        'Get-DtAwsConnection'
        'Remove-DtAwsConnection'
        'Get-DtMonitoringConfiguration'
        'Set-DtMonitoringConfiguration'
        'Enable-DtMonitoringConfiguration'
        'Disable-DtMonitoringConfiguration'
        'Remove-DtMonitoringConfiguration'
        'Get-DtMonitoringConfigurationStatus'
        'Get-DtAwsOrganizationAccount'
        'Sync-DtAwsOrganization'
        'Connect-DtAccount'
        'Get-DtAccount'
        'Disconnect-DtAccount'
        'New-DtIamPolicy'
        'Get-DtIamPolicy'
        'Set-DtIamPolicy'
        'Remove-DtIamPolicy'
        'Grant-DtPolicyBinding'
        'Revoke-DtPolicyBinding'
        'Get-DtPolicyBinding'
        'Get-DtIamGroup'
        'New-DtIamGroup'
        'New-DtServiceUser'
        'Get-DtServiceUser'
        'New-DtPlatformToken'
        'Get-DtPlatformToken'
        'Remove-DtPlatformToken'
        'Initialize-DtAwsOnboarding'
        'Get-DtAwsIamExternalId'
        'New-DtAwsCredential'
        'Get-DtAwsCredential'
        'Set-DtAwsCredential'
        'Remove-DtAwsCredential'
        'Test-DtAwsCredential'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Dynatrace', 'AWS', 'IAM', 'Monitoring', 'Observability', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ReleaseNotes = 'The first release: AWS accounts onboarded into Dynatrace end to end (the AWS connection, the IAM monitoring role, the role ARN, the da-aws monitoring configuration), one account or hundreds from a CSV with Register-DtAwsAccount; offboarding and drift checks; AWS Organizations discovery and sync; Dynatrace account IAM and OAuth clients with Initialize-DtAwsOnboarding; the classic AWS credentials API for Dynatrace Managed and classic SaaS.'
        }
    }
}
