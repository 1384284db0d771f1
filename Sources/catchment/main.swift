import CatchmentCLI

CatchmentCommand.main(nil)
