# Make targets of the safety part (issue 3) go here.
