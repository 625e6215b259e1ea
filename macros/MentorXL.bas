Attribute VB_Name = "MentorXL"
' MentorXL: the macros behind the buttons of the dashboard sheet. Each Sub runs one function of the
' Python module mentorxl.excel through RunPython of the xlwings module of this workbook (standalone mode).
' GENERATED from the button registry mentorxl/core/buttons.py by `make workbook`: do not edit by hand.
' Keep this file ASCII-only: the VBA editor reads it in the code page of the user's Windows.
Option Explicit

' button 1 of the dashboard: mentorxl.excel.check_data
Public Sub CheckData()
    RunPython "import mentorxl.excel as m; m.check_data()"
End Sub

' button 2 of the dashboard: mentorxl.excel.match_pairs
Public Sub MatchPairs()
    RunPython "import mentorxl.excel as m; m.match_pairs()"
End Sub

' button 3 of the dashboard: mentorxl.excel.approve_pairs
Public Sub ApprovePairs()
    RunPython "import mentorxl.excel as m; m.approve_pairs()"
End Sub

' button 4 of the dashboard: mentorxl.excel.make_order
Public Sub MakeOrder()
    RunPython "import mentorxl.excel as m; m.make_order()"
End Sub

' button 5 of the dashboard: mentorxl.excel.pair_documents
Public Sub PairDocuments()
    RunPython "import mentorxl.excel as m; m.pair_documents()"
End Sub

' button 6 of the dashboard: mentorxl.excel.monitoring_report
Public Sub MonitoringReport()
    RunPython "import mentorxl.excel as m; m.monitoring_report()"
End Sub

' button 7 of the dashboard: mentorxl.excel.import_surveys
Public Sub ImportSurveys()
    RunPython "import mentorxl.excel as m; m.import_surveys()"
End Sub

' button 8 of the dashboard: mentorxl.excel.update_roadmap
Public Sub UpdateRoadmap()
    RunPython "import mentorxl.excel as m; m.update_roadmap()"
End Sub

' button 9 of the dashboard: mentorxl.excel.complete_pairs
Public Sub CompletePairs()
    RunPython "import mentorxl.excel as m; m.complete_pairs()"
End Sub
