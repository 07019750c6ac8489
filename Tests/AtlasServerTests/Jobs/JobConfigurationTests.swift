import AtlasServer
import Testing

@Suite("Configuration of the job queue")
struct JobConfigurationTests {
    @Test("by default a job lease lasts 30 s, idle workers look every 0.2 s and the diagnostic job kinds are off")
    func defaults() throws {
        let configuration = try AtlasConfiguration.load(environment: [:])
        #expect(configuration.jobLeaseSeconds == 30)
        #expect(configuration.jobPollSeconds == 0.2)
        #expect(!configuration.diagnosticJobs)
    }

    @Test("ATLAS_JOB_LEASE_SECONDS and ATLAS_DIAGNOSTIC_JOBS set them")
    func set() throws {
        let configuration = try AtlasConfiguration.load(environment: ["ATLAS_JOB_LEASE_SECONDS": "3", "ATLAS_DIAGNOSTIC_JOBS": "true"])
        #expect(configuration.jobLeaseSeconds == 3)
        #expect(configuration.diagnosticJobs)
    }

    @Test("ATLAS_JOB_POLL_SECONDS sets how often idle workers look for work; outside 0.01–60 s it is refused")
    func poll() throws {
        #expect(try AtlasConfiguration.load(environment: ["ATLAS_JOB_POLL_SECONDS": "1.5"]).jobPollSeconds == 1.5)
        #expect {
            try AtlasConfiguration.load(environment: ["ATLAS_JOB_POLL_SECONDS": "0"])
        } throws: { error in
            (error as? ConfigurationError)?.problems.first?.hasPrefix("ATLAS_JOB_POLL_SECONDS") == true
        }
    }

    @Test("a lease outside 2–3600 s and a diagnostic switch that is not true or false are both reported")
    func invalidValues() {
        #expect {
            try AtlasConfiguration.load(environment: ["ATLAS_JOB_LEASE_SECONDS": "1", "ATLAS_DIAGNOSTIC_JOBS": "sometimes"])
        } throws: { error in
            let problems = (error as? ConfigurationError)?.problems ?? []
            return problems.count == 2 && problems[0].hasPrefix("ATLAS_JOB_LEASE_SECONDS") && problems[1].hasPrefix("ATLAS_DIAGNOSTIC_JOBS")
        }
    }
}
