Attribute VB_Name = "MentorXL"
' MentorXL: the macros behind the buttons of the dashboard sheet. Each Sub runs one function of the
' Python module mentorxl.excel through RunPython of the xlwings module of this workbook (standalone mode).
' Keep this file ASCII-only: the VBA editor reads it in the code page of the user's Windows.
' Sub names and functions must match mentorxl.builder.vba.project.BUTTONS (a test checks it).
Option Explicit

' "Check data"
Public Sub CheckData()
    RunPython "import mentorxl.excel as m; m.check_data()"
End Sub

' "Match pairs"
Public Sub MatchPairs()
    RunPython "import mentorxl.excel as m; m.match_pairs()"
End Sub

' "Approve pairs"
Public Sub ApprovePairs()
    RunPython "import mentorxl.excel as m; m.approve_pairs()"
End Sub

' "Make the order"
Public Sub MakeOrder()
    RunPython "import mentorxl.excel as m; m.make_order()"
End Sub

' "Documents for the pairs"
Public Sub PairDocuments()
    RunPython "import mentorxl.excel as m; m.pair_documents()"
End Sub

' "Monitoring report"
Public Sub MonitoringReport()
    RunPython "import mentorxl.excel as m; m.monitoring_report()"
End Sub

' "Import surveys"
Public Sub ImportSurveys()
    RunPython "import mentorxl.excel as m; m.import_surveys()"
End Sub

' "Update the roadmap"
Public Sub UpdateRoadmap()
    RunPython "import mentorxl.excel as m; m.update_roadmap()"
End Sub

' "Complete pairs"
Public Sub CompletePairs()
    RunPython "import mentorxl.excel as m; m.complete_pairs()"
End Sub
