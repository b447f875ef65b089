# The Its of the Pester spec files under -Specs, one case each, named by their file and their
# Describe/Context/It path: only found (-Discover), or run, with the result and, for a case that
# did not pass, why. PesterSpecs.cs turns each case into one xUnit result.
param(
    [Parameter(Mandatory)] [string] $Pester,
    [Parameter(Mandatory)] [string] $Specs,
    [switch] $Discover
)

$ErrorActionPreference = 'Stop'
Import-Module $Pester

# Pester expands '<Name>' in a data-driven name only when it runs the It; discovery must give the
# same names, so both expand them here from the block's or test's data.
function Expand([string] $Name, $Data) {
    if ($Data -isnot [System.Collections.IDictionary]) { return $Name }
    [regex]::Replace($Name, '<(\w+)>', { param($m) if ($Data.Contains($m.Groups[1].Value)) { "$($Data[$m.Groups[1].Value])" } else { $m.Value } })
}

function Get-CaseName($Test) {
    $path = [System.Collections.Generic.List[string]]::new()
    $path.Add((Expand $Test.Name $Test.Data))
    for ($block = $Test.Block; -not $block.IsRoot; $block = $block.Parent) { $path.Insert(0, (Expand $block.Name $block.Data)) }
    "$($Test.Block.BlockContainer.Item.Name): $($path -join ' > ')"
}

# Why a case did not pass: its own errors, else those of the blocks around it, up to the file (a
# failed BeforeAll leaves its Its NotRun).
function Get-Reason($Test) {
    $errors = @($Test.ErrorRecord)
    for ($block = $Test.Block; $errors.Count -eq 0 -and $block; $block = $block.Parent) { $errors = @($block.ErrorRecord) }
    $text = foreach ($record in $errors) {
        # Where in the specs, not where in Pester.
        $where = $record.ScriptStackTrace -split "`n" | Where-Object { $_ -notmatch '[\\/](Pester\.psm?1|PesterCases\.ps1): line' }
        "$record`n$($where -join "`n")"
    }
    if ($text) { $text -join "`n" } else { "Pester reported $($Test.Result) without a reason." }
}

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Specs
$configuration.Run.PassThru = $true
$configuration.Run.SkipRun = $Discover.IsPresent
$configuration.Output.Verbosity = 'None'
$run = Invoke-Pester -Configuration $configuration

# A file that fails before its Its are found has no case to report it.
foreach ($container in $run.Containers | Where-Object { $_.Result -eq 'Failed' -and $_.TotalCount -eq 0 }) {
    throw "$($container.Item): $($container.ErrorRecord -join "`n")"
}
foreach ($test in $run.Tests) {
    [pscustomobject]@{
        Name   = Get-CaseName $test
        Result = "$($test.Result)"
        Reason = if ($Discover -or $test.Result -eq 'Passed') { $null } else { Get-Reason $test }
    }
}
