args: judge data/cases/dnc-2016.json
status: 2
stderr-contains: unknown command 'judge'
