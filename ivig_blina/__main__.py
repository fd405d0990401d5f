from ivig_blina.cli import main

main()
