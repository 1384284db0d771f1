import CatchmentCLI

CatchmentCommand.main()
