# What the spec files share about the emulator that tests/DynatraceAws.Published.Tests/PesterRun.cs
# starts (DYNATRACEAWS_EMULATOR): its request log, and the "What if:" lines a command prints.
# Dot-sourced in a spec's BeforeAll; not a spec itself (Pester runs only *.Tests.ps1).

function script:Reset-EmulatorLog { Invoke-RestMethod -Method Delete -Uri "$($env:DYNATRACEAWS_EMULATOR)_emulator/requests" | Out-Null }

# The requests that changed something, as the emulator judges them (IsWrite).
function script:Get-EmulatorWrites {
    # Assigned first: piped straight on, the JSON array would travel as one object.
    $requests = Invoke-RestMethod -Uri "$($env:DYNATRACEAWS_EMULATOR)_emulator/requests"
    $requests | Where-Object IsWrite
}

# The "What if:" lines a command writes to the host, read back from a transcript.
function script:Get-WhatIf([scriptblock] $Command) {
    $path = Join-Path $TestDrive "$([guid]::NewGuid().ToString('N')).txt"
    Start-Transcript -Path $path | Out-Null
    try { & $Command | Out-Null } finally { Stop-Transcript | Out-Null }
    Get-Content $path | Where-Object { $_ -like 'What if:*' }
}
