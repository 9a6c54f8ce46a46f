import ArgumentParser

@main
struct Companion: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "companion",
        abstract: "Companion: the server behind a digital-human hospital escort (AI就医助理).",
        subcommands: [
            Serve.self, Migrate.self, Seed.self, HospitalCommand.self, StaffCommand.self, KeysCommand.self, Speak.self, Chat.self, Simulate.self,
            DraftRecords.self, EvalDrafts.self, EvalTriage.self,
        ],
        defaultSubcommand: Serve.self
    )
}
