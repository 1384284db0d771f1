import CatchmentCLI

CatchmentCommand.runMain()
